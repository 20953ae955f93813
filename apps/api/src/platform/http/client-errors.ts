import http from 'node:http';
import type { Socket } from 'node:net';
import { v4 as uuidv4 } from 'uuid';
import type { ErrorCode } from '@plantops/contracts';

/**
 * Requests Node refuses before Fastify sees them (an over-long URL or header block, a timeout,
 * bytes that are not HTTP) still answer in the API's error format, with a request id to quote.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'VALIDATION_ERROR', 'The request URL or headers are too long (16 KB together at most)']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'VALIDATION_ERROR', 'The request took too long to arrive']
        : [400, 'VALIDATION_INVALID_FORMAT', 'The request could not be read as HTTP'];
  const body = JSON.stringify({ success: false, error: { code, message, timestamp: new Date().toISOString(), requestId: uuidv4() } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
