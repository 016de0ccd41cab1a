# https://docs.python.org/3/library/asyncio-stream.html#tcp-echo-client-using-streams
# adapted: no network: open_connection, write/drain, read(100) and wait_closed are sleeps; the echo is the message itself
import asyncio

async def tcp_echo_client(message):
    await asyncio.sleep(0.05)  # reader, writer = await asyncio.open_connection('127.0.0.1', 8888)

    print(f'Send: {message!r}')
    await asyncio.sleep(0.01)  # writer.write(message.encode()); await writer.drain()

    await asyncio.sleep(0.05)  # data = await reader.read(100)
    data = message.encode()
    print(f'Received: {data.decode()!r}')

    print('Close the connection')
    await asyncio.sleep(0.01)  # writer.close(); await writer.wait_closed()

asyncio.run(tcp_echo_client('Hello World!'))
