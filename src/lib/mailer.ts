export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Development mailer: prints instead of sending. */
export const consoleMailer: Mailer = {
  send(message) {
    console.info(`[mail] to=${message.to} subject=${message.subject}\n${message.text}`);
    return Promise.resolve();
  },
};

/** Test mailer: keeps what was sent. */
export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  send(message: MailMessage) {
    this.sent.push(message);
    return Promise.resolve();
  }
}
