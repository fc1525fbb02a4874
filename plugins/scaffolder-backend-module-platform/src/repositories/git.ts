import { execFile } from 'node:child_process';

export type GitAuthor = { name: string; email: string };

/** User name and password (a token) for git over HTTP. */
export type GitHttpAuth = { username: string; password: string };

/**
 * The credentials as an HTTP header set through git's environment, so they
 * appear neither in the remote URL (and so in git's messages) nor in the
 * process list.
 */
function authEnvironment(auth?: GitHttpAuth): Record<string, string> {
  if (!auth) return {};
  const basic = Buffer.from(`${auth.username}:${auth.password}`).toString(
    'base64',
  );
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.extraHeader',
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
}

/** Runs the real `git` and returns its trimmed output; errors carry git's own message. */
export function git(
  args: string[],
  options: { cwd?: string; author?: GitAuthor; auth?: GitHttpAuth } = {},
): Promise<string> {
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    ...authEnvironment(options.auth),
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

/**
 * The tree of a remote branch, fetched into the repository at `cwd`, or
 * undefined when the remote has no such branch (an empty repository).
 */
export async function remoteTree(options: {
  url: string;
  branch: string;
  cwd: string;
  auth?: GitHttpAuth;
}): Promise<string | undefined> {
  const { url, cwd, auth } = options;
  const ref = `refs/heads/${options.branch}`;
  const listed = await git(['ls-remote', url, ref], { cwd, auth });
  if (!listed) return undefined;
  await git(['fetch', '--quiet', '--depth', '1', url, ref], { cwd, auth });
  return git(['rev-parse', 'FETCH_HEAD^{tree}'], { cwd });
}

/** Pushes the current commit at `cwd` as the remote's branch. */
export async function pushHead(options: {
  url: string;
  branch: string;
  cwd: string;
  auth?: GitHttpAuth;
}): Promise<void> {
  await git(
    ['push', '--quiet', options.url, `HEAD:refs/heads/${options.branch}`],
    {
      cwd: options.cwd,
      auth: options.auth,
    },
  );
}
