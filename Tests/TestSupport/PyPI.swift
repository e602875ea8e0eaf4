import Foundation

/// Python packages from PyPI for tests, fetched with pip at test time into
/// `<build folder>/pypi-cache`, which is kept between runs (so only a clean build
/// downloads). Shared by the test targets that run real libraries or tools.
public enum PyPI {
    public struct FetchError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The build folder (the one SwiftPM keeps `workspace-state.json` in), or nil.
    public static var buildFolder: URL? {
        var dir = URL(fileURLWithPath: Bundle.main.bundlePath).standardizedFileURL
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("workspace-state.json").path) { return dir }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// Where downloads and installs are kept.
    public static var cache: URL {
        (buildFolder ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("breadbox-build"))
            .appendingPathComponent("pypi-cache")
    }

    /// Runs `args` through `/usr/bin/env`; returns the exit status and the merged output.
    public static func run(_ args: [String], env: [String: String] = [:]) -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        do { try p.run() } catch { return (-1, "cannot run \(args[0]): \(error)") }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    /// Downloads (or finds in the cache) the packages, `(name, version)` pairs, and
    /// extracts their `.py` files into `<cache>/<folder>` as circup and mip lay them
    /// out in a drive's `lib/`. Fails with pip's message.
    public static func libraries(_ packages: [(String, String)], into folder: String) -> Result<URL, FetchError> {
        let lib = cache.appendingPathComponent(folder)
        let r = run(["python3", "-c", fetchScript, cache.path, lib.path] + packages.map { "\($0.0)==\($0.1)" })
        guard r.status == 0 else { return .failure(FetchError(message: r.output)) }
        return .success(lib)
    }

    /// `pip install --target` of one package, once, into `<cache>/<name>-<version>`;
    /// `marker` is a file the install must contain.
    public static func install(_ name: String, _ version: String, marker: String) -> Result<URL, FetchError> {
        let dir = cache.appendingPathComponent("\(name)-\(version)")
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent(marker).path) { return .success(dir) }
        let tmp = cache.appendingPathComponent("\(name)-\(version).part-\(getpid())")
        try? FileManager.default.removeItem(at: tmp)
        let r = run(["python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
                     "--target", tmp.path, "\(name)==\(version)"], env: ["PIP_ROOT_USER_ACTION": "ignore"])
        guard r.status == 0, FileManager.default.fileExists(atPath: tmp.appendingPathComponent(marker).path) else {
            return .failure(FetchError(message: "pip install \(name)==\(version) failed (\(r.status)):\n\(r.output)"))
        }
        try? FileManager.default.removeItem(at: dir)
        do { try FileManager.default.moveItem(at: tmp, to: dir) } catch {
            return .failure(FetchError(message: "cannot move \(tmp.path) to \(dir.path): \(error)"))
        }
        return .success(dir)
    }

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
}
