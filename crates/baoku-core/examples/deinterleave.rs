//! Diagnostics: print each page file's text as the segmenter re-reads
//! columns read across rows (`DIR OUT`: every `.txt` in DIR to OUT).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: deinterleave DIR OUT");
        std::process::exit(2);
    };
    std::fs::create_dir_all(out).expect("create OUT");
    for e in std::fs::read_dir(dir).expect("read DIR").flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&p).expect("read page");
            let name = p.file_name().expect("file name");
            let re = baoku_core::segment::deinterleave_page(&text);
            std::fs::write(std::path::Path::new(out).join(name), re).expect("write");
        }
    }
}
