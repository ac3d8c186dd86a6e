import CSQLite
import Glibc

extension SQLiteConnection {
    /// Opens the database at `path` only to read it (`SQLITE_OPEN_READONLY`, no journal-mode
    /// switch), leaving the folder as it found it.
    ///
    /// A reader of a WAL-mode database needs its `-shm` and `-wal` files: SQLite creates them
    /// when they are absent, and cannot remove them on close as a reader. So `track` needed a
    /// writable folder for a history it only reads (a read-only copy in a read-only folder
    /// failed with "attempt to write a readonly database"), and left the two files behind.
    /// Where no `-wal` exists and the folder cannot take one, no run can be writing the file
    /// (a writer needs the `-wal` too), so it is read as immutable, without those files.
    /// Otherwise the reader is tidied on close when it made them (`tidyOnClose`).
    /// `folderWritable` stands in for the folder's permission in tests (they run as root).
    static func reader(_ path: String, folderWritable: Bool? = nil) throws -> SQLiteConnection {
        let walExisted = exists(path + "-wal"), shmExisted = exists(path + "-shm")
        let writable = folderWritable ?? (access(folder(of: path), W_OK) == 0)
        if !walExisted && !writable {
            return try SQLiteConnection(path: path, create: false, readOnly: true, uri: immutableURI(path))
        }
        let connection = try SQLiteConnection(path: path, create: false, readOnly: true)
        connection.tidyOnClose = !walExisted && !shmExisted
        return connection
    }

    /// Removes the `-wal` and `-shm` files a reader made, the way SQLite does: a read-write
    /// connection that closes last checkpoints (nothing, the WAL being empty of this reader's
    /// doing) and deletes both. Another connection open meanwhile (a run appending) keeps
    /// them, as it needs them; a file this user may not write is left with them.
    static func removeReaderFiles(of path: String) {
        guard exists(path + "-wal") || exists(path + "-shm"), access(path, W_OK) == 0 else { return }
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            sqlite3_close(db)
            return
        }
        // A read opens the WAL, so that closing closes (and removes) it.
        _ = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nil, nil, nil)
        sqlite3_close(db)
    }

    /// `file:` URI of `path` opened immutable: `%`, `?` and `#` escaped, as SQLite reads them.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for c in path.unicodeScalars {
            switch c {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
