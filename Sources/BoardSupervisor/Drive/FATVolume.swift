import HostPlatform

/// The FAT volume CircuitPython makes of CIRCUITPY, for the sizes its web
/// workflow reports (`free`, `total` and `block_size` count clusters): the
/// cluster size and count `f_mkfs` chooses (lib/oofatfs/ff.c in 9.1.4, called
/// by supervisor/shared/filesystem.c with FM_FAT and no FM_SFD, so the volume
/// starts at sector 63; 512-byte sectors, one FAT, an erase block of one
/// sector, 512 root entries or 128 on volumes of 256 sectors or fewer).
struct FATVolume: Equatable {
    let clusterBytes: Int
    let clusterCount: Int

    private static let sectorBytes = 512
    private static let maxFAT12 = 0xFF5, maxFAT16 = 0xFFF5
    /// Cluster size steps by volume size, in units of 4K sectors (ff.c's `cst`).
    private static let steps = [1, 4, 16, 64, 256, 512]

    init(volumeBytes: Int) {
        let volume = max(0, volumeBytes / Self.sectorBytes - 63)
        var au = 0, fat16 = true, perCluster = 1, clusters = 0
        while true {
            perCluster = au
            if perCluster == 0 {
                let n = volume / 0x1000
                perCluster = 1
                for step in Self.steps where step <= n { perCluster <<= 1 }
            }
            var count = volume / perCluster
            let fatBytes: Int
            if count > Self.maxFAT12 {
                fatBytes = count * 2 + 4
            } else {
                fat16 = false
                fatBytes = (count * 3 + 1) / 2 + 3
            }
            let fatSectors = (fatBytes + Self.sectorBytes - 1) / Self.sectorBytes
            let rootSectors = (volume <= 256 ? 128 : 512) * 32 / Self.sectorBytes
            count = max(0, (volume - 1 - fatSectors - rootSectors) / perCluster)
            if fat16 && count > Self.maxFAT16 && au == 0 && perCluster * 2 <= 64 { au = perCluster * 2; continue }
            if fat16 && count <= Self.maxFAT12 && au == 0 && perCluster * 2 <= 128 { au = perCluster * 2; continue }
            clusters = count
            break
        }
        clusterBytes = perCluster * Self.sectorBytes
        clusterCount = clusters
    }

    /// Clusters the files and folders under `path` take: each file rounded up
    /// to whole clusters, each folder one (its entries).
    func clustersUsed(in fs: DirectoryFileSystem, path: String = "/", depth: Int = 0) -> Int {
        guard depth < 32, let names = try? fs.listDirectory(path) else { return 0 }
        var used = 0
        for name in names {
            let child = path == "/" ? "/" + name : path + "/" + name
            guard let status = try? fs.status(child) else { continue }
            if status.isDirectory {
                used += 1 + clustersUsed(in: fs, path: child, depth: depth + 1)
            } else {
                used += (status.size + clusterBytes - 1) / clusterBytes
            }
        }
        return used
    }
}
