# https://docs.python.org/3/library/asyncio-stream.html (TCP echo server using streams)
# adapted: start_server is replaced by three fake clients whose readers sleep and return canned bytes; serve_forever became gather
import asyncio


class FakeReader:
    def __init__(self, payload, delay):
        self.payload = payload
        self.delay = delay

    async def read(self, n):
        await asyncio.sleep(self.delay)
        data, self.payload = self.payload[:n], self.payload[n:]
        return data


class FakeWriter:
    def __init__(self, peer):
        self.peer = peer
        self.buffer = []

    def get_extra_info(self, name):
        return self.peer if name == 'peername' else None

    def write(self, data):
        self.buffer.append(data)

    async def drain(self):
        await asyncio.sleep(0.01)
        print(f"Drained {sum(len(chunk) for chunk in self.buffer)} bytes to {self.peer[0]}")

    def close(self):
        self.buffer.clear()


async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f"Received {message!r} from {addr!r}")

    print(f"Send: {message!r}")
    writer.write(data)
    await writer.drain()

    print("Close the connection")
    writer.close()


async def main():
    clients = [
        (b'Hello World!', 0.3, ('127.0.0.1', 50122)),
        ('caf\u00e9 cr\u00e8me'.encode(), 0.1, ('127.0.0.1', 50123)),
        (b'x' * 120, 0.2, ('10.0.0.7', 41000)),
    ]
    addrs = ', '.join(str(peer) for _, _, peer in clients)
    print(f'Serving on {addrs}')
    await asyncio.gather(*(handle_echo(FakeReader(payload, delay), FakeWriter(peer))
                           for payload, delay, peer in clients))

asyncio.run(main())
