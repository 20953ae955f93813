import net from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * A minimal SMTP listener on loopback: enough of RFC 5321 for nodemailer to deliver plain-text
 * mail over a real socket. `reject` makes it answer 451 to DATA, to exercise retries.
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const state = { reject: false };
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: ReceivedMail = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test.local ESMTP ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let idx;
      while ((idx = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            if (state.reject) reply('451 4.3.0 try again later');
            else {
              received.push(current);
              reply('250 2.0.0 queued');
            }
            current = { from: '', to: [], data: '' };
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') reply('250 test.local');
        else if (cmd === 'MAIL') {
          current.from = line;
          reply('250 OK');
        } else if (cmd === 'RCPT') {
          current.to.push(line);
          reply('250 OK');
        } else if (cmd === 'DATA') {
          inData = true;
          reply('354 end with .');
        } else if (cmd === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else if (cmd === 'RSET' || cmd === 'NOOP') reply('250 OK');
        else reply('502 not implemented');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
