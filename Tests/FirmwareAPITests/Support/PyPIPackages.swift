import Foundation

/// Adafruit's CircuitPython libraries from PyPI, fetched with pip at test time
/// into `<build folder>/pypi-cache` (kept between runs) and extracted as circup
/// lays them out in a drive's `lib/`. A copy of the helper in
/// `Tests/PythonRuntimeTests/RealLibrariesTests.swift` (a different test target).
enum PyPIPackages {
    /// The pinned releases (the same as RealLibrariesTests').
    static let adafruitBME280 = [
        ("adafruit-circuitpython-busdevice", "5.2.17"),
        ("adafruit-circuitpython-register", "1.13.0"),
        ("adafruit-circuitpython-bme280", "2.6.32"),
    ]

    /// Downloads (or finds in the cache) the packages and extracts their `.py` files into `lib`.
    static let fetchScript = #"""
    import hashlib, json, os, re, shutil, subprocess, sys, tarfile, urllib.request, zipfile

    cache, lib = sys.argv[1], sys.argv[2]
    packages = [a.split("==") for a in sys.argv[3:]]
    os.makedirs(cache, exist_ok=True)

    def norm(s):
        return re.sub(r"[-_.]+", "_", s).lower()

    def cached(name, version):
        for f in sorted(os.listdir(cache)):
            if norm(f).startswith(norm(name) + "_" + norm(version) + "_") and f.endswith((".whl", ".tar.gz", ".zip")):
                return os.path.join(cache, f)
        return None

    def pip(*args):
        p = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", cache, *args],
                           capture_output=True, text=True)
        return p.returncode, p.stdout + p.stderr

    def sdist_from_pypi(name, version):
        # pip cannot download an sdist it cannot build (umqtt.simple ships no
        # setup.py); take the file PyPI lists for the release, checking its digest.
        info = json.load(urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=60))
        for u in info["releases"].get(version, []):
            if u["packagetype"] == "sdist":
                data = urllib.request.urlopen(u["url"], timeout=60).read()
                if hashlib.sha256(data).hexdigest() != u["digests"]["sha256"]:
                    raise SystemExit(f"sha256 mismatch for {u['filename']}")
                path = os.path.join(cache, u["filename"])
                with open(path + ".part", "wb") as f:
                    f.write(data)
                os.replace(path + ".part", path)
                return path
        return None

    shutil.rmtree(lib, ignore_errors=True)
    os.makedirs(lib)
    for name, version in packages:
        path = cached(name, version)
        if path is None:
            rc, out = pip("--only-binary=:all:", f"{name}=={version}")
            path = cached(name, version)
            if path is None:
                try:
                    path = sdist_from_pypi(name, version)
                except Exception as e:
                    out += f"\nPyPI sdist fallback: {e!r}"
            if path is None:
                sys.stderr.write(f"pip could not fetch {name}=={version}:\n{out}\n")
                sys.exit(1)
        if path.endswith(".whl") or path.endswith(".zip"):
            with zipfile.ZipFile(path) as z:
                for m in z.namelist():
                    top = m.split("/")[0]
                    if m.endswith(".py") and not top.endswith((".dist-info", ".data")):
                        dest = os.path.join(lib, m)
                        os.makedirs(os.path.dirname(dest), exist_ok=True)
                        with open(dest, "wb") as f:
                            f.write(z.read(m))
        else:
            with tarfile.open(path) as t:
                for m in t.getmembers():
                    parts = m.name.split("/")[1:]
                    if (m.isfile() and m.name.endswith(".py") and parts and parts != ["setup.py"]
                            and not any(p.endswith(".egg-info") or p in ("..", "") for p in parts)):
                        dest = os.path.join(lib, *parts)
                        os.makedirs(os.path.dirname(dest), exist_ok=True)
                        with open(dest, "wb") as f:
                            f.write(t.extractfile(m).read())
        print(os.path.basename(path))
    """#

    /// The build folder (the one SwiftPM keeps `workspace-state.json` in), or nil.
    static var buildFolder: URL? {
        var dir = URL(fileURLWithPath: Bundle.main.bundlePath).standardizedFileURL
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("workspace-state.json").path) { return dir }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    struct FetchError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// `<cache>/<name>` holding the packages' `.py` files, or pip's message.
    static func fetch(_ packages: [(String, String)], into name: String) -> Result<URL, FetchError> {
        let cache = (buildFolder ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("breadbox-build"))
            .appendingPathComponent("pypi-cache")
        let lib = cache.appendingPathComponent(name)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", fetchScript, cache.path, lib.path] + packages.map { "\($0.0)==\($0.1)" }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        do {
            try p.run()
        } catch {
            return .failure(FetchError(message: "cannot run python3: \(error)"))
        }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return .failure(FetchError(message: text)) }
        return .success(lib)
    }

    /// The Adafruit BME280 library with BusDevice and Register, fetched once per run.
    static let bme280Libraries: Result<URL, FetchError> = fetch(adafruitBME280, into: "lib-adafruit-bme280")
}
