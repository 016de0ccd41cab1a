# https://docs.python.org/3/library/stdtypes.html (Bytes Objects: fromhex, hex)
# adapted: the documentation's examples printed from a coroutine that decodes packets a fake socket delivers after asyncio.sleep
import asyncio

print(bytes.fromhex('2Ef0 F1f2  '))
print(b'\xf0\xf1\xf2'.hex())
value = b'\xf0\xf1\xf2'
print(value.hex('-'))
print(value.hex('_', 2))
print(b'UUDDLRLRAB'.hex(' ', -4))
print(bytes(5), bytes(range(65, 70)), bytes('naïve', 'utf-8'), b'', bytes())
print(b"it's", b'say "hi"', b'both \' and "', b'\\', b'\t\n\r\x00\x7f\x80\xff ~')
print(rb'\d+\n', br'C:\temp', b'con' b'cat', len(b'\x00\x01'))
print(repr(b'x'), str(b'y'), f"{b'z'}", f"{b'w'!r}", format(b'v'), [b'a', b'b'], {b'k': 1})
print(type(b'').__name__, isinstance(b'', bytes), bytes is type(b'q'), b'a' == 'a', b'a' != b'b')


async def receive(packet_hex: str, delay: float) -> bytes:
    await asyncio.sleep(delay)
    return bytes.fromhex(packet_hex)


async def main():
    packets = await asyncio.gather(receive('48 65 6c 6c 6f', 0.2), receive('2c20', 0.1), receive('776f726c6421', 0.3))
    joined = b''.join(packets)
    print(joined, joined.decode('ascii'), joined.upper(), joined.lower())
    print(joined[0], joined[-1], joined[1:4], joined[::-1], joined[::2], joined[100:])
    print(list(joined[:3]), [chr(b) for b in joined[:5]], 111 in joined, b'wor' in joined, b'xyz' not in joined)
    print(joined + b'!!', b'-' * 3, 2 * b'ab', b'a' < b'b', b'abc' < b'abd', b'\xff' > b'a', sorted([b'b', b'a', b'ab']))
    print(joined.split(b', '), joined.startswith(b'Hell'), joined.endswith((b'?', b'!')), joined.find(b'o'), joined.rfind(111))
    print(joined.count(b'l'), joined.index(b','), joined.replace(b'l', b'L'), joined.strip(b'H!'), b' pad '.strip())
    print(b'a,b,,c'.split(b','), b'  spaced   out '.split(), joined.partition(b', '), b'-'.join([b'x', b'y', b'z']))
    print(len({b'a', b'a', b'b'}), hash(b'abc') == hash(b'abc'), bool(b''), bool(b'\x00'), b'12'.isdigit(), b'ab'.isalpha())

asyncio.run(main())
