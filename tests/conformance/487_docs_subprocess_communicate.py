# https://docs.python.org/3/library/asyncio-subprocess.html (run a shell command)
# adapted: create_subprocess_shell returns a fake process whose communicate sleeps and returns canned stdout/stderr bytes
import asyncio

OUTPUTS = {
    'ls /zzz': (1, b'', b"ls: cannot access '/zzz': No such file or directory\n"),
    'sleep 1; echo "hello"': (0, b'hello\n', b''),
    'printf "caf\\303\\251\\n"': (0, b'caf\xc3\xa9\n', b''),
}


class FakeProcess:
    def __init__(self, cmd):
        self.returncode, self._stdout, self._stderr = OUTPUTS[cmd]
        self._delay = 1.0 if cmd.startswith('sleep') else 0.1

    async def communicate(self):
        await asyncio.sleep(self._delay)
        return self._stdout, self._stderr


async def create_subprocess_shell(cmd, stdout=None, stderr=None):
    await asyncio.sleep(0)
    return FakeProcess(cmd)


async def run(cmd):
    proc = await create_subprocess_shell(cmd)

    stdout, stderr = await proc.communicate()

    print(f'[{cmd!r} exited with {proc.returncode}]')
    if stdout:
        print(f'[stdout]\n{stdout.decode()}')
    if stderr:
        print(f'[stderr]\n{stderr.decode()}')


async def main():
    await asyncio.gather(
        run('ls /zzz'),
        run('sleep 1; echo "hello"'),
        run('printf "caf\\303\\251\\n"'))
    data = 'na\u00efve \u20ac'.encode()
    print(data, len(data), data.decode('utf-8'), str(data, 'utf-8'), data.decode(errors='replace'))
    print('abc'.encode('ascii'), 'na\u00efve'.encode('ascii', 'replace'), 'na\u00efve'.encode('ascii', errors='ignore'))
    print(b'caf\xe9'.decode('latin-1'), 'caf\u00e9'.encode('latin-1'), b'\xff\xfeok'.decode('utf-8', 'replace'))
    for bad, codec in [('na\u00efve', 'ascii'), ('\u20ac', 'latin-1')]:
        try:
            bad.encode(codec)
        except UnicodeEncodeError as e:
            print(type(e).__name__, e, isinstance(e, ValueError))
    try:
        bytes([1, 2, 256])
    except ValueError as e:
        print('ValueError:', e)
    print(b'caf\xc3'.decode())

asyncio.run(main())
