import type { ComponentChildren } from 'preact';

/**
 * A table that scrolls sideways on a phone: the scrolling region is focusable and named, so a
 * keyboard can reach what is off screen (axe's scrollable-region-focusable).
 */
export const Table = ({
  caption,
  columns,
  hideCaption = false,
  children,
}: {
  caption: string;
  columns: string[];
  hideCaption?: boolean;
  children: ComponentChildren;
}) => (
  <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
    <table>
      <caption class={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);
