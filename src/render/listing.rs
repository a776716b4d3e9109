//! The lists of `schema --list` and `sample --list`: rows of columns, each column as wide as its
//! widest cell, two spaces apart, the last one unpadded.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::render::style::escape;
use crate::render::width::{fit, wrap};

/// The least room the last column wraps in under itself; with less, lines are folded whole.
const MIN_LAST: usize = 20;

/// Writes `rows` as aligned columns; every cell is escaped. With a `width`, the last column
/// wraps on words under itself (or, when the others leave it too little room, every line is
/// folded).
pub fn columns(out: &mut dyn Write, rows: &[Vec<String>], width: Option<usize>) -> io::Result<()> {
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
        let mut last_start = 0;
        for (i, cell) in row.iter().enumerate() {
            let cell = escape(cell);
            if i + 1 == row.len() {
                last_start = line.width();
            }
            line.push_str(&cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
            }
        }
        match width {
            Some(w) if line.width() > w && last_start + MIN_LAST <= w => {
                let last = escape(row.last().map_or("", String::as_str)).into_owned();
                let (head, _) = line.split_at(line.len() - last.len());
                for (i, part) in wrap(&last, w, last_start).into_iter().enumerate() {
                    if i == 0 {
                        writeln!(out, "{head}{}", part.trim_start())?;
                    } else {
                        writeln!(out, "{part}")?;
                    }
                }
            }
            _ => writeln!(out, "{}", fit(&line, width))?,
        }
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
        columns(&mut out, &rows, None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a     bb  c\ndddd  e   ffffff\n"
        );
    }

    #[test]
    fn the_last_column_wraps_under_itself() {
        let rows = vec![vec![
            "name".to_string(),
            "one two three four five six seven eight nine ten".to_string(),
        ]];
        let mut out = Vec::new();
        columns(&mut out, &rows, Some(30)).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "name  one two three four five\n      six seven eight nine ten\n"
        );
    }
}
