import { execFile } from 'node:child_process';

export type GitAuthor = { name: string; email: string };

/** Runs the real `git` and returns its trimmed output; errors carry git's own message. */
export function git(
  args: string[],
  options: { cwd?: string; author?: GitAuthor } = {},
): Promise<string> {
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    ...(options.author && {
      GIT_AUTHOR_NAME: options.author.name,
      GIT_AUTHOR_EMAIL: options.author.email,
      GIT_COMMITTER_NAME: options.author.name,
      GIT_COMMITTER_EMAIL: options.author.email,
    }),
  };
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd: options.cwd, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `git ${args[0]} failed: ${stderr.trim() || error.message}`,
            ),
          );
        } else {
          resolve(stdout.trim());
        }
      },
    );
  });
}

/**
 * Commits everything in the folder (a git repository is made there if it is
 * none) and returns the commit and its tree, which identifies the content.
 */
export async function commitFolder(options: {
  sourceDir: string;
  branch: string;
  author: GitAuthor;
  message: string;
}): Promise<{ commit: string; tree: string }> {
  const cwd = options.sourceDir;
  await git(['init', '--quiet', '-b', options.branch], { cwd });
  await git(['add', '--all'], { cwd });
  await git(['commit', '--quiet', '--allow-empty', '-m', options.message], {
    cwd,
    author: options.author,
  });
  return {
    commit: await git(['rev-parse', 'HEAD'], { cwd }),
    tree: await git(['rev-parse', 'HEAD^{tree}'], { cwd }),
  };
}
