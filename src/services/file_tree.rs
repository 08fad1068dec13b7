//! The files the user brings at once: those picked in a file dialog (several, or a whole
//! folder with `webkitdirectory`), and those dropped — folders opened through the browser's
//! entries API, every file inside them listed with its path.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DataTransfer, File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry,
};

/// Most files taken from one drop or one folder.
pub const MAX_FILES: usize = 10_000;

/// Every file of a file input, named by its path inside a picked folder when there is one.
pub fn picked(list: &FileList) -> Vec<(String, File)> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| (path_of(&file), file))
        .filter(|(path, _)| !skipped(path))
        .take(MAX_FILES)
        .collect()
}

/// Hidden files and folders (`.DS_Store`, `.cache/…`) and the system's own files
/// (`Thumbs.db`, `desktop.ini`) are not articles.
fn skipped(path: &str) -> bool {
    path.split('/').any(|part| {
        part.starts_with('.')
            || part.eq_ignore_ascii_case("Thumbs.db")
            || part.eq_ignore_ascii_case("desktop.ini")
    })
}

fn path_of(file: &File) -> String {
    js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// What a drop holds, taken while the drop event is being handled (the browser empties the
/// drop's data as soon as the handler returns; reading the files can wait).
pub enum Dropped {
    /// Files and folders, as entries to open.
    Entries(Vec<FileSystemEntry>),
    /// Plain files (a drop made by a script, or a browser without entries).
    Files(Vec<(String, File)>),
}

/// Takes what a drop holds; call it inside the drop handler.
pub fn take(data: &DataTransfer) -> Dropped {
    let items = data.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if entries.is_empty() {
        Dropped::Files(data.files().map(|l| picked(&l)).unwrap_or_default())
    } else {
        Dropped::Entries(entries)
    }
}

/// Every file of a drop, folders opened (hidden files such as `.DS_Store` skipped).
pub async fn files(dropped: Dropped) -> Vec<(String, File)> {
    let mut stack = match dropped {
        Dropped::Files(files) => return files,
        Dropped::Entries(entries) => entries,
    };
    let mut out = Vec::new();
    while let Some(entry) = stack.pop() {
        if out.len() >= MAX_FILES {
            break;
        }
        if skipped(&entry.name()) {
            continue;
        }
        if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            stack.extend(children(&dir).await);
        } else if entry.is_file() {
            let path = entry.full_path().trim_start_matches('/').to_string();
            let file_entry: FileSystemFileEntry = entry.unchecked_into();
            if let Some(file) = file_of(&file_entry).await {
                out.push((path, file));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The entries of a folder (`readEntries` hands them out in pieces until it returns none).
async fn children(dir: &FileSystemDirectoryEntry) -> Vec<FileSystemEntry> {
    let reader = dir.create_reader();
    let mut all = Vec::new();
    loop {
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            if reader
                .read_entries_with_callback_and_callback(&resolve, &reject)
                .is_err()
            {
                let _ = reject.call0(&JsValue::NULL);
            }
        });
        let Ok(batch) = JsFuture::from(promise).await else {
            break;
        };
        let batch = js_sys::Array::from(&batch);
        if batch.length() == 0 {
            break;
        }
        // `readEntries` hands out entries only; Chromium has no global `FileSystemEntry` class
        // to check them against with `instanceof`.
        all.extend(
            batch
                .iter()
                .filter(JsValue::is_object)
                .map(JsCast::unchecked_into::<FileSystemEntry>),
        );
    }
    all
}

async fn file_of(entry: &FileSystemFileEntry) -> Option<File> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into::<File>().ok()
}
