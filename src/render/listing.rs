//! The lists of `schema --list` and `sample --list`: rows of columns, each column as wide as its
//! widest cell, two spaces apart, the last one unpadded.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::render::style::escape;

/// Writes `rows` as aligned columns; every cell is escaped.
pub fn columns(out: &mut dyn Write, rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            let w = escape(cell).width();
            match widths.get_mut(i) {
                Some(max) => *max = (*max).max(w),
                None => widths.push(w),
            }
        }
    }
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let cell = escape(cell);
            line.push_str(&cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_and_the_last_is_not_padded() {
        let rows = vec![
            vec!["a".to_string(), "bb".to_string(), "c".to_string()],
            vec!["dddd".to_string(), "e".to_string(), "ffffff".to_string()],
        ];
        let mut out = Vec::new();
        columns(&mut out, &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a     bb  c\ndddd  e   ffffff\n"
        );
    }
}
