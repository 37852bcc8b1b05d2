/** A clock the test moves by hand: job backoffs never wait for real time. */
export class TestClock {
  #at: number;
  constructor(start = '2026-03-02T00:00:00.000Z') {
    this.#at = Date.parse(start);
  }
  now = (): Date => new Date(this.#at);
  advance(ms: number): void {
    this.#at += ms;
  }
}
