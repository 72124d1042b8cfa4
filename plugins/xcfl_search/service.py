"""Pagefind's Python service, pinned to the extended binary and read without pauses.

Two things in pagefind 1.5.2's `PagefindService` do not fit a site build:
- it may pick the plain `pagefind` binary (PAGEFIND_BINARY_PATH, `pagefind_bin`,
  PATH), which cannot segment Chinese: we always run `pagefind_bin_extended`;
- its reply reader sleeps 0.1 s before every reply, so at most ten pages a
  second get indexed: ours reads replies as they come;
- its pipe takes replies of at most 2 MiB; we take the whole index as one reply
  (`get_files`, see search.py), so ours takes up to REPLY_LIMIT.
"""

import asyncio
import base64
import json
import os
from typing import cast

from pagefind.service import PagefindService
from pagefind.service.types import InternalResponseError, InternalResponseType


def extended_binary():
    """The `pagefind_extended` executable; an ImportError names the missing package."""
    try:
        import pagefind_bin_extended
    except ImportError as error:
        raise ImportError(
            "xcfl_search needs pagefind[extended] (see requirements.txt): "
            "only the extended binary segments Chinese") from error
    return pagefind_bin_extended.get_executable()


REPLY_LIMIT = 2**30


class ExtendedPagefindService(PagefindService):
    def __init__(self):
        super().__init__()
        self._bin = extended_binary()

    async def launch(self):
        self._backend = await asyncio.create_subprocess_exec(
            self._bin, "--service", cwd=os.getcwd(),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT, limit=REPLY_LIMIT)
        self._poll_task = self._loop.create_task(self._wait_for_responses())
        return self

    @property
    def pid(self):
        return self._backend.pid

    async def _wait_for_responses(self):
        # The library's loop, minus its `await asyncio.sleep(0.1)`.
        while True:
            output = await self._backend.stdout.readuntil(b",")
            response = json.loads(base64.b64decode(output[:-1]))
            if response is None:
                continue
            self._resolve(response)

    def _resolve(self, response):
        payload = response["payload"]
        message_id = response.get("message_id")
        if message_id is None and payload.get("original_message"):
            message_id = json.loads(payload["original_message"]).get("message_id")
        future = self._responses.get(message_id)
        if future is None or future.done():
            return
        if payload["type"] == InternalResponseType.ERROR.value:
            error = cast(InternalResponseError, payload)
            future.set_exception(Exception(error["message"], error.get("original_message")))
        else:
            future.set_result(payload)
