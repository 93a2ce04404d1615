-- A name as conflict checks compare it (migration 20261201100000 says why and how). STORED generated columns
-- call it, and the repeatable step never drops it: changing it means recomputing every stored key, in a migration.
CREATE OR REPLACE FUNCTION caseflow.normalize_party_name(name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
      SELECT regexp_replace(
        btrim(regexp_replace(
          regexp_replace(
            regexp_replace(
              -- ICU's case folding (the database's own locale may be C, which lower-cases ASCII only),
              -- then back to "C", so the character classes below mean the same on every server
              (lower(replace(replace(replace(replace(replace(replace(replace(
                translate(name, 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳØøĐđÐðŁłĦħŦŧı', 'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyOoDdDdLlHhTti'),
                'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th')
                COLLATE "und-x-icu")) COLLATE "C",
              -- combining marks of decomposed input, apostrophes, dots: dropped
              '[\u0300-\u036f''’‘.`´]', '', 'g'),
            -- every other punctuation mark separates words
            '[[:punct:]“”„«»‹›–—―…·•¡¿§]', ' ', 'g'),
          '[[:space:]\u00a0\u2000-\u200b\u202f\u3000]+', ' ', 'g')),
        '( (llc|llp|lllp|lp|pllc|pc|inc|incorporated|corp|corporation|co|company|ltd|limited|plc|gmbh|ag|kg|sa|sas|sarl|srl|spa|bv|nv|pty|ab|oy))+$', '')
    $function$;
COMMENT ON FUNCTION caseflow.normalize_party_name(text) IS
  'A name as conflict checks compare it: case-folded, unaccented, without punctuation or company suffixes';
