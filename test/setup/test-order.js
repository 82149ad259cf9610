// The order in which Jest hands test files to its two workers. The chaos soak (about five minutes,
// three brokers and every app) goes first; the browser suites go half-way down the list, when the
// soak is long over: beside it on two cores Chromium took four times as long (300 s instead of 75 s)
// and the soak itself slowed down. Otherwise Jest's own order (slowest known first).
const Sequencer = require('@jest/test-sequencer').default;

const soak = (test) => /[/\\]test[/\\]chaos[/\\]/.test(test.path);
const browser = (test) => /[/\\]test[/\\]console[/\\]/.test(test.path);

class TestOrder extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    const rest = ordered.filter((test) => !soak(test) && !browser(test));
    const half = Math.ceil(rest.length / 2);
    return [...ordered.filter(soak), ...rest.slice(0, half), ...ordered.filter(browser), ...rest.slice(half)];
  }
}

module.exports = TestOrder;
