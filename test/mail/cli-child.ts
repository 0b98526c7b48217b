/**
 * The real CLI in a child process, for tests that read its actual stdout and stderr (Node's own
 * warnings included) or run two at once: `node --import tsx test/mail/cli-child.ts send …`.
 */
const { main } = await import('../../src/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 70;
  },
);
