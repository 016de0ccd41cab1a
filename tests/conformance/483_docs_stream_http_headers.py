# https://docs.python.org/3/library/asyncio-stream.html (Get HTTP headers)
# adapted: open_connection returns a fake reader/writer pair (readline sleeps, then returns canned bytes); urlsplit and sys.argv became a fixed host and path
import asyncio

RESPONSE = (b"HTTP/1.0 200 OK\r\n"
            b"Content-Type: text/html; charset=UTF-8\r\n"
            b"Server: ECS (nyb/1D2E)\r\n"
            b"X-Cache: HIT\r\n"
            b"\r\n")


class FakeReader:
    def __init__(self, data):
        self._lines = data.splitlines(keepends=True)

    async def readline(self):
        await asyncio.sleep(0.05)
        if not self._lines:
            return b''
        return self._lines.pop(0)


class FakeWriter:
    def __init__(self):
        self.sent = b''

    def write(self, data):
        self.sent += data
        print(f'sent {len(data)} bytes: {data[:20]!r}...')

    def close(self):
        print('closing after', len(self.sent), 'bytes')

    async def wait_closed(self):
        await asyncio.sleep(0)


async def open_connection(host, port):
    await asyncio.sleep(0.1)
    return FakeReader(RESPONSE), FakeWriter()


async def print_http_headers(hostname, path):
    reader, writer = await open_connection(hostname, 80)

    query = (
        f"HEAD {path or '/'} HTTP/1.0\r\n"
        f"Host: {hostname}\r\n"
        f"\r\n"
    )

    writer.write(query.encode('latin-1'))
    while True:
        line = await reader.readline()
        if not line:
            break

        line = line.decode('latin1').rstrip()
        if line:
            print(f'HTTP header> {line}')

    # Ignore the body, close the socket
    writer.close()
    await writer.wait_closed()
    print(f'{asyncio.get_running_loop().time():.2f}', type(writer.sent).__name__, writer.sent.count(b'\r\n'))

asyncio.run(print_http_headers('example.com', ''))
