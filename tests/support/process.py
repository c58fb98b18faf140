"""A ``forumbot run`` started as a child process by a test or a benchmark:
waiting until it listens, and stopping it as an operator would."""

from __future__ import annotations

import asyncio
import signal


async def stopped(proc: asyncio.subprocess.Process) -> None:
    """SIGTERM, up to 10 s for it to end, then SIGKILL (5 s more); nothing
    when it has already ended. Raises TimeoutError if even SIGKILL does not
    end it."""
    if proc.returncode is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(proc.wait(), 10)
    except TimeoutError:
        proc.kill()
        await asyncio.wait_for(proc.wait(), 5)


async def until_up(port: int) -> None:
    """Until something accepts a TCP connection on 127.0.0.1:``port``
    (tried every 0.1 s); TimeoutError after 20 s."""
    async with asyncio.timeout(20):
        while True:
            try:
                _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.1)
                continue
            writer.close()
            return
