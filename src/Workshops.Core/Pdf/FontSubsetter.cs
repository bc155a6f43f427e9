using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace Workshops.Core.Pdf;

/// <summary>
/// Cuts a font down to the glyphs a document uses, with HarfBuzz's subsetter (hb-subset, which the HarfBuzzSharp
/// native library carries but the managed package does not wrap). SkiaSharp as packaged embeds every font whole:
/// Noto Sans is about 500 KB a face, so a pack in three faces would weigh over a megabyte. A subset keeps the glyph
/// ids (so text shaped with the full font draws unchanged), the character map of the text (so readers can search and
/// copy it), and drops the layout tables a PDF never reads.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const uint RetainGids = 0x2;
    private const int UnicodeSet = 1;
    private const int DropTableSet = 3;

    // Shaping is done before the subset; a PDF reader only needs outlines, metrics and the character map.
    private static readonly uint[] Dropped = [.. new[] { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "kern", "morx", "STAT" }.Select(t => (uint)Tag.Parse(t))];

    /// <summary>The font in <paramref name="face"/> with only <paramref name="glyphs"/> and the characters in <paramref name="codepoints"/>.</summary>
    public static byte[] Subset(Face face, IEnumerable<uint> glyphs, IEnumerable<uint> codepoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not start a font subset.");
        try
        {
            hb_subset_input_set_flags(input, RetainGids);
            var glyphSet = hb_subset_input_glyph_set(input);
            foreach (var g in glyphs) hb_set_add(glyphSet, g);
            var unicodes = hb_subset_input_set(input, UnicodeSet);
            foreach (var c in codepoints) hb_set_add(unicodes, c);
            var drop = hb_subset_input_set(input, DropTableSet);
            foreach (var tag in Dropped) hb_set_add(drop, tag);

            var subset = hb_subset_or_fail(face.Handle, input);
            if (subset == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not subset the font.");
            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(blob);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    private static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_glyph_set(IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    private static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    private static partial IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

    [LibraryImport(Library)]
    private static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    private static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    private static partial void hb_blob_destroy(IntPtr blob);
}
