/**
 * `profile-photo set --user <upn|id> <image>`: sets one person's photo with the app's own identity, as the admin
 * card's single update does: the image goes through the photo pipeline, the person's current photo is backed up,
 * the change is audited (path `admin`, actor the app itself) and can be undone like any other.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../errors.js';
import { openAdminSession } from './admin-session.js';
import { readCapped } from './cli-files.js';
import { EXIT, UsageError, type CliIo, type Command } from './command.js';

const usage = `profile-photo set --user <upn|id> <image>

Sets one person's profile photo with the app's own identity (application permission User.ReadWrite.All).
The image (JPEG, PNG, GIF, WebP or HEIC) is made into a profile photo first: upright, square, 648x648 at
most, metadata stripped. Their photo before is backed up, and the change is written to the audit log.
  --user U   the person: user principal name, mail or object id

Prints one line, e.g. "adelev@example.com: photo set (change <id>)". A person the directory does not
know exits 1 with PersonNotFound.
Authentication: the app credentials from the configuration (GRAPH_APP_CREDENTIAL, AAD_APP_*); in local
mode (no BOT_ID) the local Graph emulator (profile-photo emulator, or npm start) and a local app token.`;

export const setCommand: Command = {
  name: 'set',
  summary: "set one person's photo with the app's own identity (admins)",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { user: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const who = values.user?.trim();
    if (!who) throw new UsageError('set needs --user <upn|id>');
    if (positionals.length !== 1) throw new UsageError('set needs one image file');
    const file = positionals[0] as string;

    const session = await openAdminSession({ preparer: 'inline' });
    try {
      const { config, services, operator } = session;
      const bytes = await readCapped(file, config.photo.maxInputBytes);
      // The person first: a name nobody has is said before any image work.
      const person = await services.people.person(who, services.appToken);
      if (!person) throw new AppError('PersonNotFound', 'no such person in the directory');
      const { jpeg } = await session.preparer.run(bytes, { maxInputBytes: config.photo.maxInputBytes });
      const photo = await services.changes.change(
        { kind: 'user', user: person.id },
        jpeg,
        services.appToken,
        {
          id: operator.id,
          path: 'admin',
        },
      );
      io.out(`${person.userPrincipalName}: photo set (change ${photo.changeId})`);
      return EXIT.ok;
    } finally {
      await session.close();
    }
  },
};
