# mip: installs packages from micropython-lib's index, or from URLs
# (http://, https://, github:, gitlab:, codeberg:), onto the board's file
# system, as micropython-lib's mip does.
import sys

import requests

from micropython import const

_PACKAGE_INDEX = const("https://micropython.org/pi/v2")
_CHUNK_SIZE = const(128)

# Host shorthands, each a format taking the organisation, the repository and
# the branch (positional) and the path in the repository (p); the https://
# is added by _rewrite_url.
_HOSTS = {
    "codeberg:": "codeberg.org/api/v1/repos/{}/{}/raw/{p}?ref={}",
    "github:": "raw.githubusercontent.com/{}/{}/{}/{p}",
    "gitlab:": "gitlab.com/{}/{}/-/raw/{}/{p}",
}

_ALLOWED_MIP_URL_PREFIXES = const(("http://", "https://", "codeberg:", "github:", "gitlab:"))


# Makes the directories leading to `path` (os.makedirs(os.path.dirname(path))).
def _ensure_path_exists(path):
    import os

    parts = path.split("/")
    if not parts[0]:
        # An absolute path: "/lib/x.py" -> ["/lib", "x.py"].
        parts.pop(0)
        parts[0] = "/" + parts[0]

    prefix = ""
    for part in parts[:-1]:
        prefix += part
        try:
            os.stat(prefix)
        except:
            os.mkdir(prefix)
        prefix += "/"


# Copies the stream `src` to `dest`, a function taking bytes, a chunk at a time.
def _chunk(src, dest):
    buf = memoryview(bytearray(_CHUNK_SIZE))
    while True:
        n = src.readinto(buf)
        if n == 0:
            break
        dest(buf if n == _CHUNK_SIZE else buf[:n])


# Is there a file at `path` whose SHA-256 starts with `short_hash` (hex)?
def _check_exists(path, short_hash):
    try:
        import binascii
        import hashlib

        with open(path, "rb") as f:
            hs256 = hashlib.sha256()
            _chunk(f, hs256.update)
            existing = str(binascii.hexlify(hs256.digest())[: len(short_hash)], "utf-8")
            return existing == short_hash
    except:
        return False


def _rewrite_url(url, branch=None):
    for provider, url_format in _HOSTS.items():
        if url.startswith(provider):
            components = url[len(provider) :].split("/")
            return _ALLOWED_MIP_URL_PREFIXES[1] + url_format.format(
                components[0], components[1], branch or "HEAD", p="/".join(components[2:])
            )
    return url


def _download_file(url, dest):
    response = requests.get(url)
    try:
        if response.status_code != 200:
            print("Error", response.status_code, "requesting", url)
            return False

        print("Copying:", dest)
        _ensure_path_exists(dest)
        with open(dest, "wb") as f:
            _chunk(response.raw, f.write)
        return True
    finally:
        response.close()


# Installs what a package.json lists: "hashes" (files in the index, by
# content hash), "urls" (files anywhere, relative to the json's folder unless
# absolute) and "deps" (other packages, with their versions).
def _install_json(package_json_url, index, target, version, mpy):
    response = requests.get(_rewrite_url(package_json_url, version))
    try:
        if response.status_code != 200:
            print("Package not found:", package_json_url)
            return False
        package_json = response.json()
    finally:
        response.close()
    for target_path, short_hash in package_json.get("hashes", ()):
        fs_target_path = target + "/" + target_path
        if _check_exists(fs_target_path, short_hash):
            print("Exists:", fs_target_path)
        else:
            file_url = "{}/file/{}/{}".format(index, short_hash[:2], short_hash)
            if not _download_file(file_url, fs_target_path):
                print("File not found: {} {}".format(target_path, short_hash))
                return False
    base_url = package_json_url.rpartition("/")[0]
    for target_path, url in package_json.get("urls", ()):
        fs_target_path = target + "/" + target_path
        is_full_url = any(url.startswith(p) for p in _ALLOWED_MIP_URL_PREFIXES)
        if base_url and not is_full_url:
            url = "{}/{}".format(base_url, url)
        if not _download_file(_rewrite_url(url, version), fs_target_path):
            print("File not found: {} {}".format(target_path, url))
            return False
    for dep, dep_version in package_json.get("deps", ()):
        if not _install_package(dep, index, target, dep_version, mpy):
            return False
    return True


def _install_package(package, index, target, version, mpy):
    if any(package.startswith(p) for p in _ALLOWED_MIP_URL_PREFIXES):
        if package.endswith(".py") or package.endswith(".mpy"):
            # A single file, installed under its own name.
            print("Downloading {} to {}".format(package, target))
            return _download_file(
                _rewrite_url(package, version), target + "/" + package.rsplit("/")[-1]
            )
        if not package.endswith(".json"):
            if not package.endswith("/"):
                package += "/"
            package += "package.json"
        print("Installing {} to {}".format(package, target))
    else:
        if not version:
            version = "latest"
        print("Installing {} ({}) from {} to {}".format(package, version, index, target))
        # The index holds .mpy builds by bytecode version, and plain .py under "py".
        if mpy and hasattr(sys.implementation, "_mpy"):
            mpy_version = sys.implementation._mpy & 0xFF
        else:
            mpy_version = "py"
        package = "{}/package/{}/{}/{}.json".format(index, mpy_version, package, version)

    return _install_json(package, index, target, version, mpy)


def install(package, index=None, target=None, version=None, mpy=True):
    if not target:
        # The first lib folder on sys.path outside the read-only /rom.
        for p in sys.path:
            if not p.startswith("/rom") and p.endswith("/lib"):
                target = p
                break
        else:
            print("Unable to find lib dir in sys.path")
            return

    if not index:
        index = _PACKAGE_INDEX

    if _install_package(package, index.rstrip("/"), target, version, mpy):
        print("Done")
    else:
        print("Package may be partially installed")
