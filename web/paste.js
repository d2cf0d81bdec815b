// Reads the table a paste into the indicator grid carries. Word, WPS and Excel put a copied table
// on the clipboard as HTML, merged cells (a 一级/二级 over several rows) as rowspan and colspan;
// the browser's own parser reads it here, and the app (src/app/components/grid.rs) gets it as
// tab-separated text as Excel writes it, which src/model/paste.rs reads. '' when the HTML holds
// no table. Each merged cell's text stands in every row and column it covers; a cell's
// paragraphs and <br>s are its lines.
// (No escape sequences in strings: Trunk's minifier, which inlines this file, mangles them.)
(function () {
  var TAB = String.fromCharCode(9), LF = String.fromCharCode(10), BREAK = String.fromCharCode(1);
  window.jixiaoTableText = function (html) {
    var table = new DOMParser().parseFromString(html, 'text/html').querySelector('table');
    if (!table) return '';
    var rows = table.rows, grid = [];
    for (var r = 0; r < rows.length; r++) grid.push([]);
    for (r = 0; r < rows.length; r++) {
      for (var k = 0, c = 0; k < rows[r].cells.length; k++) {
        var cell = rows[r].cells[k], text = cellText(cell);
        while (grid[r][c] !== undefined) c++;
        // rowspan="0" runs to the table's end; the browser keeps colspan within 1000.
        var down = Math.min(cell.rowSpan || rows.length, rows.length - r), across = cell.colSpan || 1;
        for (var i = 0; i < down; i++) for (var j = 0; j < across; j++) grid[r + i][c + j] = text;
        c += across;
      }
    }
    return grid.map(function (row) {
      return Array.from(row, function (text) {
        text = text || '';
        return /[\t\n"]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
      }).join(TAB);
    }).join(LF);
  };

  // A cell's text as the page would show it: the HTML source's whitespace collapsed (a line break
  // between two CJK chars dropped, as browsers do: the writer wrapped a long line there), each
  // paragraph a line, trimmed, empty ones left out.
  function cellText(cell) {
    cell.querySelectorAll('br').forEach(function (br) { br.replaceWith(BREAK); });
    cell.querySelectorAll('p, div, li, tr').forEach(function (block) { block.append(BREAK); });
    return cell.textContent
      .replace(/([\u2e80-\u9fff\uff00-\uffef])[ \t\f]*[\r\n]\s*(?=[\u2e80-\u9fff\uff00-\uffef])/g, '$1')
      .replace(/[ \t\r\n\f\u00a0]+/g, ' ')
      .split(BREAK)
      .map(function (line) { return line.trim(); })
      .filter(Boolean)
      .join(LF);
  }
})();
