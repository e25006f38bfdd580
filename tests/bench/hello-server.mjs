// The ceiling for the relay benchmark: a bare node:http server that reads the request body and answers
// a small JSON body, in its own process as the relay is. Prints the address it listens on.
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end('{"ids":[1]}');
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`hello: listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
