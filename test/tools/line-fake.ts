/**
 * Runs the fake LINE platform by hand (README "LINE" → "Trying it locally"): the Messaging API
 * endpoints on LINE_FAKE_PORT (default 8788), logging what the app pushes and replies, and a
 * prompt that delivers signed webhook events to the app:
 *
 *   follow Uhanako            the user adds the official account
 *   say Uhanako ABCD-2345     she sends a message (e.g. her link code)
 *   press Uhanako o1.a.…      she presses a button (the postback data of a pushed offer)
 *   unfollow Uhanako          she blocks the account (unlinks)
 *
 * Start the app with the same secrets and LINE_API_BASE=http://127.0.0.1:8788.
 */
import { createInterface } from 'node:readline';
import { startFakeLineApi } from '../helpers/line-fake-server.js';

const secret = process.env.LINE_CHANNEL_SECRET ?? 'local-channel-secret';
const token = process.env.LINE_CHANNEL_ACCESS_TOKEN ?? 'local-access-token';
const webhookUrl = process.env.LINE_WEBHOOK_URL ?? 'http://localhost:3000/line/webhook';
const port = Number(process.env.LINE_FAKE_PORT ?? 8788);

const fake = await startFakeLineApi({
  accessToken: token,
  channelSecret: secret,
  webhookUrl,
  port,
  onCall: ({ path, body }) => console.log(`← app ${path}\n${JSON.stringify(body, null, 2)}`),
});
console.log(`Fake LINE API on ${fake.baseUrl}, delivering to ${webhookUrl}.
Run the app with:
  LINE_CHANNEL_SECRET=${secret} LINE_CHANNEL_ACCESS_TOKEN=${token} LINE_API_BASE=${fake.baseUrl} npm start
Commands: follow U…, unfollow U…, say U… text, press U… data, quit`);

let n = 0;
const event = (type: string, userId: string, extra: object = {}) => {
  n += 1;
  const id = `LOCAL${Date.now()}${n}`;
  return {
    type,
    webhookEventId: id,
    ...(type === 'unfollow' ? {} : { replyToken: `reply-${id}` }),
    timestamp: Date.now(),
    mode: 'active',
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId },
    ...extra,
  };
};

const prompt = createInterface({ input: process.stdin, output: process.stdout, prompt: 'line> ' });
prompt.prompt();
prompt.on('line', (line) => {
  void (async () => {
    const [command, userId, ...rest] = line.trim().split(/\s+/);
    const text = rest.join(' ');
    if (command === 'quit') return prompt.close();
    let events: object[] | undefined;
    if ((command === 'follow' || command === 'unfollow') && userId)
      events = [event(command, userId)];
    else if (command === 'say' && userId && text)
      events = [event('message', userId, { message: { type: 'text', id: `m${n}`, text } })];
    else if (command === 'press' && userId && text)
      events = [event('postback', userId, { postback: { data: text } })];
    if (events) {
      const res = await fake.deliver(events);
      console.log(`→ webhook: ${res.status}`);
    } else if (command) console.log('Commands: follow U…, unfollow U…, say U… text, press U… data');
  })()
    .catch((err: unknown) => console.error(String(err)))
    .finally(() => prompt.prompt());
});
prompt.on('close', () => void fake.stop());
