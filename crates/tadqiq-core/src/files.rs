//! Finding and reading article files: the core's one place that touches the disk, for the CLI
//! and the language server alike.
//!
//! Only regular files are read (a FIFO would block forever, `/dev/zero` would never end), and
//! none larger than a limit; the same file reached twice (`a` and `a/../a`, a symlink, a
//! workspace folder inside another) is read once. Whatever is not read is returned with the
//! reason in words, for the front end to tell the user.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::source::{Decoded, decode};

/// Files larger than this are not read unless `tadqiq.toml` sets `max_file_bytes`: the longest
/// real articles are a few hundred kilobytes, and a 200 MB "article" is a dump, not news.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10_000_000;

/// An article file as text, or why it was not read, in words for the user.
///
/// The file must be a regular file (after following symlinks) of at most `max_bytes` bytes.
/// The size is checked before reading and again while reading, so a file that grows under
/// the reader is cut off, not followed.
pub fn read(path: &Path, max_bytes: u64) -> Result<Decoded, String> {
    let bytes = read_bytes(path, max_bytes)?;
    decode(&bytes).map_err(|e| e.to_string())
}

/// As [`read`], for a file [`articles`] found by walking a folder: the walk has just asked
/// what the path is (a regular file), so it is opened without asking again (at 10,000
/// articles that question was a sixth of reading them). What is opened is still checked.
pub fn read_walked(path: &Path, max_bytes: u64) -> Result<Decoded, String> {
    let bytes = read_opened(path, max_bytes)?;
    decode(&bytes).map_err(|e| e.to_string())
}

/// The bytes of a regular file of at most `max_bytes`, or why not.
pub fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    // Asked before opening: opening a device can do something (a tape rewinds).
    readable(&std::fs::metadata(path).map_err(cannot_read)?, max_bytes)?;
    read_opened(path, max_bytes)
}

/// Why a file could not be read, in words for the user.
fn cannot_read(e: io::Error) -> String {
    format!("cannot read: {}", io_message(&e))
}

/// Whether what `meta` describes may be read: a regular file of at most `max_bytes`; else why not.
fn readable(meta: &std::fs::Metadata, max_bytes: u64) -> Result<(), String> {
    if !meta.is_file() {
        return Err(format!("not a regular file ({}); only regular files are read", file_kind(meta)));
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    Ok(())
}

/// The bytes of `path` opened, if what was opened is a regular file of at most `max_bytes`.
fn read_opened(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    // Opening a path that was swapped for a FIFO since it was looked at would block: open
    // without blocking where the platform allows, and check what was opened.
    let file = open_nonblocking(path).map_err(cannot_read)?;
    let meta = file.metadata().map_err(cannot_read)?;
    readable(&meta, max_bytes)?;
    // One byte more than the file was said to hold is asked for. A read that gives exactly
    // that size is taken for the whole file, without the read that would only find its end
    // (one system call in five of reading an archive): a file written to while it is read
    // could be read either way. One that gives more has grown, and is read on to the limit.
    let size = meta.len().min(max_bytes) as usize;
    let mut bytes = vec![0; size + 1];
    let mut got = 0;
    // Until its size is read (or more: it grew), or its end is met short of it (it shrank).
    while got < size || got == 0 {
        match (&file).read(&mut bytes[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot_read(e)),
        }
    }
    bytes.truncate(got);
    if got > size {
        (&file).take(max_bytes + 1 - got as u64).read_to_end(&mut bytes).map_err(cannot_read)?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    const O_NONBLOCK: i32 =
        if cfg!(any(target_os = "macos", target_os = "ios", target_os = "freebsd")) { 0x0004 } else { 0o4000 };
    std::fs::OpenOptions::new().read(true).custom_flags(O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn too_large(len: u64, max: u64) -> String {
    format!("{} is larger than the {} limit (max_file_bytes in tadqiq.toml)", size(len), size(max))
}

fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1_000 {
        format!("{:.1} kB", bytes as f64 / 1e3)
    } else {
        format!("{bytes} bytes")
    }
}

fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() { "a folder" } else { "not a file" }
}

/// An IO error in words for the user.
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// What a walk found: the article files, in a stable order, each once; and what could not be
/// walked or was passed over, with the reason.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    pub problems: Vec<(PathBuf, String)>,
    /// A path that was asked for and cannot be read at all.
    pub missing: bool,
}

/// The article files under `paths`: folders are walked (respecting `.gitignore` even outside
/// a git checkout, and hidden files) for files `is_article` accepts (`Config::is_article`); a
/// file named itself is taken whatever its extension. The same file reached twice is listed
/// once, where first met.
pub fn articles(paths: &[PathBuf], is_article: impl Fn(&Path) -> bool + Sync) -> Found {
    let mut found = Found::default();
    let mut seen = std::collections::HashSet::new();
    let mut take = |path: PathBuf, meta: &std::fs::Metadata, found: &mut Found| {
        // One file by identity: `a`, `a/../a` and a symlink to `a` are one source.
        if seen.insert(identity_of(&path, meta)) {
            found.files.push(path);
        }
    };
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => {
                found.problems.push((path.clone(), io_message(&e)));
                found.missing = true;
            }
            Ok(meta) if meta.is_dir() => {
                let mut here = Vec::new();
                // The folders are read in order, each folder's entries in name order: the walk
                // then comes in the order the files are sorted in below (a folder's files
                // before its next sibling), and that sort only checks it (sorting 10,000 paths
                // out of order, comparing them component by component, was a third of walking
                // them). Each entry's questions (a glob match, and for an article what it is)
                // are asked on every core: a third to a half of walking a large archive.
                let walked: Vec<_> = ignore::WalkBuilder::new(path)
                    .require_git(false)
                    .sort_by_file_name(|a, b| a.cmp(b))
                    .build()
                    .filter(|e| !e.as_ref().is_ok_and(|e| e.file_type().is_some_and(|t| t.is_dir())))
                    .collect();
                let asked = crate::workspace::par_map(&walked, |entry| {
                    entry.as_ref().ok().filter(|e| is_article(e.path())).map(|e| std::fs::metadata(e.path()))
                });
                for (entry, meta) in walked.into_iter().zip(asked) {
                    match (entry, meta) {
                        (Ok(_), None) => {}
                        // Regular files only (a symlink to one is one): a FIFO or a device named
                        // `x.txt` is not an article, and is said to be passed over.
                        (Ok(e), Some(Ok(meta))) if meta.is_file() => here.push((e.into_path(), meta)),
                        (Ok(e), Some(Ok(meta))) => found
                            .problems
                            .push((e.into_path(), format!("skipped: not a regular file ({})", file_kind(&meta)))),
                        (Ok(e), Some(Err(err))) => {
                            found.problems.push((e.into_path(), format!("skipped: {}", io_message(&err))))
                        }
                        (Err(e), _) => found.problems.push((path.clone(), e.to_string())),
                    }
                }
                here.sort_by(|(a, _), (b, _)| a.cmp(b));
                for (p, meta) in here {
                    take(p, &meta, &mut found);
                }
            }
            Ok(meta) => take(path.clone(), &meta, &mut found),
        }
    }
    found
}

/// Whether two paths name one existing file (`None` when either does not exist).
pub fn same_file(a: &Path, b: &Path) -> Option<bool> {
    let identity = |p: &Path| std::fs::metadata(p).ok().map(|meta| identity_of(p, &meta));
    Some(identity(a)? == identity(b)?)
}

/// What makes two paths one file, from the file's metadata (`metadata`, following links): the
/// device and inode where there are such, else the canonical path.
pub(crate) fn identity_of(path: &Path, meta: &std::fs::Metadata) -> (u64, u64, PathBuf) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        (meta.dev(), meta.ino(), PathBuf::new())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        let canonical =
            std::fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.to_path_buf());
        (0, 0, canonical)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tadqiq-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn reads_a_regular_file_within_the_limit() {
        let dir = temp("limit");
        let file = dir.join("a.txt");
        std::fs::write(&file, "في 5 يناير 2020").unwrap();
        assert_eq!(read(&file, 100).unwrap().text, "في 5 يناير 2020");
        let err = read(&file, 10).unwrap_err();
        assert!(err.contains("larger than the 10 bytes limit"), "{err}");
        // A walked file is held to the same limit, before a byte of it is read.
        assert_eq!(read_walked(&file, 100).unwrap().text, "في 5 يناير 2020");
        let err = read_walked(&file, 10).unwrap_err();
        assert!(err.contains("is larger than the 10 bytes limit"), "{err}");
        // At the limit exactly, and empty.
        let size = "في 5 يناير 2020".len() as u64;
        assert_eq!(read_walked(&file, size).unwrap().text, "في 5 يناير 2020");
        std::fs::write(&file, "").unwrap();
        assert_eq!(read_walked(&file, 100).unwrap().text, "");
    }

    /// A file whose size says less than it holds (Linux's `/proc` files say 0) is read on to
    /// its end, not cut at the size it gave; a limit still holds.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_holds_more_than_its_size_is_read_whole() {
        let path = Path::new("/proc/self/mountinfo");
        let Ok(meta) = std::fs::metadata(path) else { return };
        assert_eq!(meta.len(), 0);
        let read = read_walked(path, DEFAULT_MAX_FILE_BYTES).unwrap().text;
        assert!(read.len() > 100 && read.ends_with('\n') && read.lines().all(|l| l.contains(' ')), "{read:?}");
        let err = read_walked(path, 10).unwrap_err();
        assert!(err.contains("is larger than the 10 bytes limit"), "{err}");
    }

    /// A named pipe (if `mkfifo` can make one) and a link to `/dev/zero`, both named as
    /// articles: refused at once, named (asked before opening) or walked (a path swapped for
    /// one before it is opened: what was opened is checked; the pipe has no writer, so a
    /// blocking open would never return).
    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_at_once() {
        let dir = temp("special");
        let fifo = dir.join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
        let zero = dir.join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for read in [read, read_walked] {
            if made {
                let err = read(&fifo, DEFAULT_MAX_FILE_BYTES).unwrap_err();
                assert_eq!(err, "not a regular file (a named pipe); only regular files are read");
            }
            let err = read(&zero, DEFAULT_MAX_FILE_BYTES).unwrap_err();
            assert_eq!(err, "not a regular file (a device); only regular files are read");
        }
        // Walking the folder passes over both, and says so.
        let found = articles(std::slice::from_ref(&dir), |_| true);
        assert!(found.files.is_empty(), "{:?}", found.files);
        let problems: Vec<String> = found.problems.iter().map(|(p, why)| format!("{}: {why}", p.display())).collect();
        assert!(
            problems.iter().any(|p| p.ends_with("zero.txt: skipped: not a regular file (a device)")),
            "{problems:?}"
        );
    }

    /// The files come in the order of their paths' components: a folder's files before its
    /// next sibling («a/…» before «a-b.txt», which a sort of the paths' bytes would put
    /// first), each folder's entries in name order.
    #[test]
    fn files_come_in_path_order() {
        let dir = temp("order");
        for f in ["b.txt", "a.txt", "a-b.txt", "a/x.txt", "a/b/c.txt", "a/b.txt", "c/a.txt"] {
            let path = dir.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "نص").unwrap();
        }
        let found = articles(std::slice::from_ref(&dir), |_| true);
        let names: Vec<String> =
            found.files.iter().map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/")).collect();
        assert_eq!(names, ["a/b/c.txt", "a/b.txt", "a/x.txt", "a-b.txt", "a.txt", "b.txt", "c/a.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn one_file_reached_twice_is_read_once() {
        let dir = temp("twice");
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::write(dir.join("a/x.txt"), "نص").unwrap();
        std::os::unix::fs::symlink(dir.join("a"), dir.join("link")).unwrap();
        let paths = [dir.join("a"), dir.join("a/../a"), dir.join("link"), dir.join("a/x.txt")];
        let found = articles(&paths, |_| true);
        assert_eq!(found.files, vec![dir.join("a/x.txt")]);
    }
}
