import BoardEmulator
@testable import BoardSupervisor
import Foundation
import XCTest

/// The parts of `os`, `sys`, `micropython` and `hashlib` that tools such as
/// mpremote probe, as each firmware has them on the boards: MicroPython 1.24's
/// rp2 and esp32 ports, and CircuitPython 9.1.4's raspberrypi and espressif ports.
final class FlavourSystemModulesTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func serial(_ board: String, _ flavour: FirmwareFlavour, program: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("flavour-modules-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("drive"), withIntermediateDirectories: true)
        try ProjectTemplate.circuitJSON(board: board, flavour: flavour)
            .write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        let name = flavour == .micropython ? "main.py" : "code.py"
        try program.write(to: dir.appendingPathComponent("drive/" + name), atomically: true, encoding: .utf8)
        let sup = try Supervisor(project: dir)
        XCTAssertEqual(sup.boot(), .finished, sup.serialLog)
        return sup.printedText
    }

    static let probe = """
        import os, sys, micropython, hashlib
        print('os', [n for n in ('ilistdir', 'mount', 'umount', 'unlink', 'sync', 'statvfs') if hasattr(os, n)])
        print('unlink', os.unlink is os.remove)
        print('micropython', sorted(n for n in dir(micropython) if not n.startswith('_')))
        print('buffers', hasattr(sys.stdin, 'buffer'), hasattr(sys.stdout, 'buffer'))
        print('hashlib', sorted(n for n in dir(hashlib) if not n.startswith('_')))
        """

    func testMicroPythonBoardsOfferWhatMpremoteUses() throws {
        for id in ["pico_w", "esp32s3"] {
            let out = try serial(id, .micropython, program: Self.probe + "\n" + """
                h = hashlib.sha256(b'abc')
                print(h.digest()[:4], micropython.kbd_intr(-1))
                """)
            XCTAssertTrue(out.hasPrefix("""
                os ['ilistdir', 'mount', 'umount', 'unlink', 'sync', 'statvfs']
                unlink True
                micropython ['RingIO', 'alloc_emergency_exception_buf', 'const', 'heap_lock', 'heap_locked', 'heap_unlock', 'kbd_intr', 'mem_info', 'opt_level', 'qstr_info', 'schedule', 'stack_use']
                buffers True True
                hashlib ['md5', 'sha1', 'sha256']
                b'\\xbax\\x16\\xbf' None

                """), "\(id):\n\(out)")
        }
    }

    func testCircuitPythonBoardsHaveCircuitPythonsSmallerModules() throws {
        for id in ["pico_w", "esp32s3"] {
            let out = try serial(id, .circuitpython, program: Self.probe + "\n" + """
                h = hashlib.new('sha1', b'abc')
                print(h.digest_size, h.digest().hex(), h.digest() == h.digest())
                h.update('d')
                print(h.digest() == hashlib.new('sha1', data=b'abcd').digest())
                try:
                    hashlib.new('sha256')
                except ValueError as e:
                    print('ValueError', e)
                """)
            XCTAssertTrue(out.contains("""
                os ['unlink', 'sync', 'statvfs']
                unlink True
                micropython ['const']
                buffers False False
                hashlib ['new']
                20 a9993e364706816aba3e25717850c26c9cd0d89d True
                True
                ValueError Unsupported hash algorithm

                """), "\(id):\n\(out)")
        }
    }
}
