import BreadboxTestSupport
import Foundation
import HostPlatform
@testable import PythonRuntime
import XCTest

/// The board's console as a serial line to a process: what the program writes
/// goes to the process's stdin, what the process writes is the console's input.
final class SerialPipeHost: RuntimeHost, @unchecked Sendable {
    let toPeer: Int32
    let fromPeer: Int32
    let fileSystem: VirtualFileSystem?
    let clock: RuntimeClock = HostClock()
    /// The program's text output (print), as it also went down the line.
    private(set) var printed = ""
    private(set) var stderr = ""

    init(toPeer: Int32, fromPeer: Int32, fileSystem: VirtualFileSystem) {
        self.toPeer = toPeer
        self.fromPeer = fromPeer
        self.fileSystem = fileSystem
    }

    func readInput(maxBytes: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fromPeer, $0.baseAddress, maxBytes) }
            if n < 0 && errno == EINTR { continue }
            return n > 0 ? Array(buffer.prefix(n)) : nil
        }
    }

    func inputAvailable() -> Bool {
        var p = pollfd(fd: fromPeer, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0
    }

    func readLine() -> String? { nil }

    func writeOutput(_ text: String) {
        printed += text
        send(Array(text.utf8))
    }

    func writeRawOutput(_ bytes: [UInt8]) { send(bytes) }

    func writeError(_ text: String) { stderr += text }

    private func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(toPeer, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}

/// `mpremote mount` end to end, on the runtime alone: mpremote's own hook code
/// (`fs_hook_code`: RemoteFS and RemoteFile over sys.stdin.buffer,
/// sys.stdout.buffer, select.poll and micropython.kbd_intr) runs on the
/// runtime, and mpremote's own host side (PyboardCommand behind
/// SerialIntercept, from PyPI, unmodified) serves a folder at the other end of
/// a pipe that stands for the serial port.
final class MpremoteMountTests: XCTestCase {
    var folders: [URL] = []

    override func tearDown() {
        for f in folders { try? FileManager.default.removeItem(at: f) }
        folders = []
    }

    func makeFolder(_ files: [String: Data]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mpremote-mount-\(UUID().uuidString)")
        folders.append(dir)
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return dir
    }

    /// The serial port pyserial would give mpremote, over the process's stdin
    /// and stdout; what is not a mount command is the board's output, written
    /// to stderr when the line closes.
    static let hostSide = #"""
        import os, select, sys
        from mpremote.transport_serial import PyboardCommand, SerialIntercept

        class Port:
            timeout = None
            def read(self, n):
                data = b""
                while len(data) < n:
                    chunk = os.read(0, n - len(data))
                    if not chunk:
                        raise EOFError
                    data += chunk
                return data
            def inWaiting(self):
                return 1 if select.select([0], [], [], 0)[0] else 0
            def write(self, b):
                b = bytes(b)
                while b:
                    b = b[os.write(1, b):]

        port = Port()
        serial = SerialIntercept(port, PyboardCommand(port, port, sys.argv[1]))
        seen = bytearray()
        try:
            while True:
                seen += serial.read(1)
        except EOFError:
            pass
        sys.stderr.buffer.write(bytes(seen))
        """#

    func testMpremoteMountServesFilesAndImportsFromTheHostFolder() throws {
        let package: URL
        switch Mpremote.package {
        case .success(let url): package = url
        case .failure(let e): return XCTFail("mpremote \(Mpremote.version) from PyPI: \(e)")
        }
        let env = ["PYTHONPATH": package.path]
        let hook = PyPI.run(["python3", "-c", "import sys; from mpremote.transport_serial import fs_hook_code; sys.stdout.write(fs_hook_code)"],
                            env: env)
        XCTAssertEqual(hook.status, 0, hook.output)

        let data = Data((0..<768).map { UInt8($0 % 256) })
        let hostFolder = try makeFolder([
            "hostmod.py": Data("def greet(who):\n    return 'hello ' + who\n".utf8),
            "hostpkg/__init__.py": Data("NAME = 'pkg'\n".utf8),
            "hostpkg/sub.py": Data("VALUE = 'x' * 300\n".utf8),
            "data.bin": data,
            "lines.txt": Data("one\ntwo\nthree\n".utf8),
            "junk.txt": Data("remove me".utf8),
            "emptydir/.keep": Data(),
        ])
        try FileManager.default.removeItem(at: hostFolder.appendingPathComponent("emptydir/.keep"))
        let flash = try makeFolder(["boardfile.txt": Data("on the board's flash".utf8)])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.hostSide, hostFolder.path]
        process.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let toBoard = Pipe(), toHost = Pipe(), hostErrors = Pipe()
        process.standardInput = toHost
        process.standardOutput = toBoard
        process.standardError = hostErrors
        try process.run()

        let host = SerialPipeHost(toPeer: toHost.fileHandleForWriting.fileDescriptor,
                                  fromPeer: toBoard.fileHandleForReading.fileDescriptor,
                                  fileSystem: DirectoryFileSystem(root: flash.path, capacityBytes: 1 << 20))
        let program = hook.output + "\n__mount()\n" + """
            import os
            print(os.getcwd(), sorted(os.listdir()))
            print(os.listdir('/'))
            import hostmod
            print(hostmod.greet('board'), hostmod.__file__)
            from hostpkg import sub
            import hostpkg
            print(hostpkg.NAME, len(sub.VALUE), sub.__name__)
            with open('data.bin', 'rb') as f:
                d = f.read()
            print(len(d), d == bytes(range(256)) * 3)
            f = open('data.bin', 'rb')
            b = bytearray(10)
            print(f.readinto(b), bytes(b[:4]), f.seek(250), f.read(8))
            f.close()
            with open('lines.txt') as f:
                print(repr(f.readline()), [line for line in f])
            with open('out.txt', 'w') as f:
                print(f.write('written by the board\\n'))
            os.mkdir('newdir')
            os.rename('out.txt', 'newdir/out.txt')
            print(os.stat('newdir')[0] & 0x4000, os.stat('data.bin')[6], os.listdir('newdir'))
            os.remove('junk.txt')
            os.rmdir('emptydir')
            os.chdir('hostpkg')
            print(os.getcwd(), sorted(os.listdir()))
            os.chdir('/remote')
            try:
                open('missing.txt')
            except OSError as e:
                print('missing', e.errno)
            with open('/boardfile.txt') as f:
                print(f.read())
            os.chdir('/')
            os.umount('/remote')
            print(os.getcwd(), os.listdir('/'))
            """
        let run = runOnLargeStack(timeout: 60, onTimeout: { process.terminate() }) { () -> String? in
            let rt = Runtime(host: host)
            return rt.runMain(source: program, filename: "<stdin>").map { rt.tracebackText($0) }
        }
        try? toHost.fileHandleForWriting.close()
        let seenByHost = hostErrors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertFalse(run.timedOut, "the mount protocol stalled; the board printed:\n\(host.printed)")
        guard let traceback = run.result else { return XCTFail("the program never ended") }
        XCTAssertNil(traceback, host.printed)

        XCTAssertEqual(host.printed, """
            /remote ['data.bin', 'emptydir', 'hostmod.py', 'hostpkg', 'junk.txt', 'lines.txt']
            ['remote', 'boardfile.txt']
            hello board hostmod.py
            pkg 300 hostpkg.sub
            768 True
            10 b'\\x00\\x01\\x02\\x03' 250 b'\\xfa\\xfb\\xfc\\xfd\\xfe\\xff\\x00\\x01'
            'one\\n' ['two\\n', 'three\\n']
            21
            16384 768 ['out.txt']
            /remote/hostpkg/ ['__init__.py', 'sub.py']
            missing 2
            on the board's flash
            / ['boardfile.txt']

            """)
        // Everything that was not a mount command reached mpremote's console intact.
        XCTAssertEqual(String(decoding: seenByHost, as: UTF8.self), host.printed)
        XCTAssertEqual(try String(contentsOf: hostFolder.appendingPathComponent("newdir/out.txt"), encoding: .utf8),
                       "written by the board\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: hostFolder.path).sorted()
        XCTAssertEqual(left, ["data.bin", "hostmod.py", "hostpkg", "lines.txt", "newdir"])
    }
}
