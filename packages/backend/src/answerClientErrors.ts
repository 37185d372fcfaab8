import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's code for a request line and headers over its size limit. */
const HEADER_OVERFLOW = 'HPE_HEADER_OVERFLOW';

function answer(socket: Duplex, status: string, name: string, message: string) {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode: Number(status.split(' ')[0]) },
  });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(
        body,
      )}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Answers requests that Node refuses before any route sees them with a JSON
 * error body, in the shape of Backstage's error responses. Without this, a
 * query string over Node's header limit (about 16 KB, e.g. a search filter
 * with thousands of owners) gets a bare `431` with an empty body.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === HEADER_OVERFLOW) {
      answer(
        socket,
        '431 Request Header Fields Too Large',
        'InputError',
        'The request line and headers are too large (over 16 KB): send fewer or shorter query parameters',
      );
      return;
    }
    answer(socket, '400 Bad Request', 'InputError', 'Malformed HTTP request');
  });
}
