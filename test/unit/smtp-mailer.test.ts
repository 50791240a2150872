import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/node/smtp-mailer.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A tiny SMTP server (no TLS, no auth) that records what it receives. */
function startSmtpServer(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test.invalid ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            reply('250 OK queued');
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250 test.invalid');
        else if (verb === 'HELO') reply('250 test.invalid');
        else if (verb === 'MAIL') {
          current.from = line;
          reply('250 OK');
        } else if (verb === 'RCPT') {
          current.to.push(line);
          reply('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK');
        else reply('502 Not implemented');
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        port: typeof address === 'object' && address ? address.port : 0,
        received,
      });
    });
  });
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('the SMTP mailer', () => {
  it('sends a UTF-8 message through the configured server with the configured sender', async () => {
    const smtp = await startSmtpServer();
    server = smtp.server;
    const mailer = createSmtpMailer(
      `smtp://127.0.0.1:${smtp.port}`,
      'Tsunagu <no-reply@fsc.example.jp>',
    );
    await mailer.send({
      to: 'keiko@example.jp',
      subject: '【つなぐ】テストのお知らせ',
      text: 'これはテストです。\n\n--\nつなぐ',
    });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.from).toContain('no-reply@fsc.example.jp');
    expect(mail!.to).toEqual([expect.stringContaining('keiko@example.jp')]);
    expect(mail!.data).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(mail!.data).toMatch(/charset=utf-8/i);
  });

  it('rejects when the server cannot be reached, so the outbox can retry', async () => {
    const smtp = await startSmtpServer();
    const port = smtp.port;
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@fsc.example.jp');
    await expect(
      mailer.send({ to: 'keiko@example.jp', subject: 's', text: 't' }),
    ).rejects.toThrow();
  });
});
