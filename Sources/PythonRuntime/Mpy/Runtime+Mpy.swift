/// Loading `.mpy` files: what this firmware accepts, and the translation into
/// a module's code object.
extension Runtime {
    /// The `.mpy` files this firmware loads, as its port's configuration decides
    /// (py/persistentcode.h MPY_FILE_HEADER_INT): MicroPython 1.24 writes
    /// sub-version 3 and its rp2 port has the armv6m native emitter, esp32-s3
    /// xtensawin, the unix port x64; CircuitPython 9.1 writes 'C' files of
    /// sub-version 1 and builds without native emitters (CIRCUITPY_ENABLE_MPY_NATIVE
    /// is 0 in py/circuitpy_mpconfig.mk).
    var mpyAcceptance: MpyFile.Acceptance {
        if configuration.implementationName == "circuitpython" {
            return MpyFile.Acceptance(magic: UInt8(ascii: "C"), subVersion: 1, arch: 0, smallIntBits: 31)
        }
        switch configuration.platform {
        case "rp2": return MpyFile.Acceptance(magic: UInt8(ascii: "M"), subVersion: 3, arch: 4, smallIntBits: 31)
        case "esp32": return MpyFile.Acceptance(magic: UInt8(ascii: "M"), subVersion: 3, arch: 10, smallIntBits: 31)
        default: return MpyFile.Acceptance(magic: UInt8(ascii: "M"), subVersion: 3, arch: 2, smallIntBits: 63)
        }
    }

    /// `sys.implementation._mpy`: the version, sub-version and arch of the files
    /// this firmware writes and loads, as the header's second and third bytes.
    var mpyHeaderValue: Int {
        let a = mpyAcceptance
        return Int(MpyFile.version) | (a.subVersion | a.arch << 2) << 8
    }

    /// The module code of a `.mpy` file; a file this firmware refuses raises
    /// ValueError with the loader's message.
    func translateMpy(_ bytes: [UInt8]) throws(PyError) -> CodeObject {
        let file: MpyFile
        do { file = try MpyFile(bytes: bytes, accepting: mpyAcceptance) } catch {
            throw valueError(error.message)
        }
        let filename = file.qstrs.first ?? "<stdin>"
        do {
            return try MpyTranslator(file: file, filename: filename).translateModule()
        } catch {
            // Bytecode a MicroPython compiler would not write.
            throw valueError("incompatible .mpy file (\(error.what))")
        }
    }
}
