import { runCli } from './run';

// Libraries warn on the console (ExcelJS: “Worksheet name … exceeds 31 chars”): the terminal
// gets the command line's own lines only, the rest with TONGBAO_DEBUG.
if (!process.env.TONGBAO_DEBUG) console.warn = () => undefined;

// Output piped into a program that stops reading (`| head`): stop quietly, as other tools do.
// Outputs are committed before anything is printed, so nothing is lost.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // One line for the user; the stack trace only when asked for (TONGBAO_DEBUG=1).
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`内部错误：${message.split('\n')[0]}\n`);
    if (process.env.TONGBAO_DEBUG && e instanceof Error && e.stack)
      process.stderr.write(`${e.stack}\n`);
    process.exitCode = 3;
  },
);
