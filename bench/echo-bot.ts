/**
 * The floor: Microsoft's echo bot sample (BotBuilder-Samples, javascript_nodejs/02.echo-bot:
 * index.js and bot.js), in TypeScript, with the same botbuilder, CloudAdapter and restify as
 * esd-bot. No state, no storage, no middleware: what the Bot Framework itself costs per turn.
 * Local mode (no MicrosoftAppId): no authentication, like esd-bot in the turn benchmark.
 * Prints {"ready": "<url>"} once listening on 127.0.0.1 (PORT, default a free port).
 */
// Before restify, as in esd-bot's server: lets restify 11 load on Node 24.
import '../src/http/node24-compat.js';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const replyText = `Echo: ${context.activity.text}`;
      await context.sendActivity(MessageFactory.text(replyText, replyText));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const welcomeText = 'Hello and welcome!';
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) {
          await context.sendActivity(MessageFactory.text(welcomeText, welcomeText));
        }
      }
      await next();
    });
  }
}

const server = restify.createServer();
server.use(restify.plugins.bodyParser());

const botFrameworkAuthentication = new ConfigurationBotFrameworkAuthentication(
  process.env as ConfigurationBotFrameworkAuthenticationOptions,
);
const adapter = new CloudAdapter(botFrameworkAuthentication);

adapter.onTurnError = async (context: TurnContext, error: Error) => {
  console.error(`\n [onTurnError] unhandled error: ${error}`);
  await context.sendTraceActivity(
    'OnTurnError Trace',
    `${error}`,
    'https://www.botframework.com/schemas/error',
    'TurnError',
  );
  await context.sendActivity('The bot encountered an error or bug.');
};

const myBot = new EchoBot();

server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => myBot.run(context));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ ready: `http://127.0.0.1:${address.port}` })}\n`);
});

process.once('SIGTERM', () => server.close(() => process.exit(0)));
