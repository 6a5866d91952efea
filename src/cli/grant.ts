import { parseArgs } from 'node:util';
import { z } from '../config/zod.js';
import { GRANTABLE_ROLES } from '../domain/index.js';
import { openConfiguredStore, runCli, UsageError } from './open-store.js';

const USAGE = `Usage:
  npm run grant -- --upn <upn> --role <${GRANTABLE_ROLES.join('|')}>    grant a role
  npm run grant -- --upn <upn> --partner "<partner name>"             mark a person as speaking for an FRP (R11)
  npm run grant -- --upn <upn> --role <role> --revoke                  take a role back
  npm run grant -- --list                                              list every grant`;

const upn = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[^@\s]+@[^@\s]+$/, 'must look like name@domain');
const listArgs = z.object({ list: z.literal(true) }).strict();
const roleArgs = z
  .object({
    upn,
    role: z.enum(GRANTABLE_ROLES, { error: `must be one of ${GRANTABLE_ROLES.join(', ')}` }),
    revoke: z.boolean().optional(),
  })
  .strict();
const partnerArgs = z.object({ upn, partner: z.string().trim().min(2).max(200) }).strict();
type Args = z.infer<typeof listArgs> | z.infer<typeof roleArgs> | z.infer<typeof partnerArgs>;

await runCli(async (config) => {
  let parsed: Args;
  try {
    const { values } = parseArgs({
      options: {
        upn: { type: 'string' },
        role: { type: 'string' },
        partner: { type: 'string' },
        revoke: { type: 'boolean' },
        list: { type: 'boolean' },
      },
      strict: true,
    });
    const schema = values.list ? listArgs : values.partner !== undefined ? partnerArgs : roleArgs;
    const result = schema.safeParse(values);
    if (!result.success) {
      throw new UsageError(
        result.error.issues
          .map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`)
          .join('\n'),
        USAGE,
      );
    }
    parsed = result.data;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message, USAGE);
  }

  const store = await openConfiguredStore(config);
  try {
    if ('list' in parsed) {
      for (const g of await store.listRoleGrants()) {
        process.stdout.write(
          `${g.upn}\t${g.role}${g.partner_name ? `\t${g.partner_name}` : ''}\t(granted by ${g.granted_by})\n`,
        );
      }
    } else if ('partner' in parsed) {
      await store.setPartner(parsed.upn, parsed.partner, 'cli');
      process.stdout.write(`${parsed.upn} now speaks for the partner "${parsed.partner}".\n`);
    } else if (parsed.revoke) {
      const removed = await store.revokeRole(parsed.upn, parsed.role);
      process.stdout.write(
        removed
          ? `Revoked ${parsed.role} from ${parsed.upn}.\n`
          : `${parsed.upn} did not have ${parsed.role}.\n`,
      );
    } else {
      await store.grantRole({ upn: parsed.upn, role: parsed.role, grantedBy: 'cli' });
      process.stdout.write(`Granted ${parsed.role} to ${parsed.upn}.\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
});
