/** signed-note: key names are non-empty, with no Unicode spaces and no plus (U+002B). */
export const isValidKeyName = (name: string): boolean => name.length > 0 && !/[\s+]/u.test(name);

export const checkKeyName = (name: string): string => {
  if (!isValidKeyName(name))
    throw new Error(`signed-note key name ${JSON.stringify(name)} must be non-empty, without spaces or "+"`);
  return name;
};
