using System.Runtime.InteropServices;
using System.Text;

namespace Workshops.Benchmarks;

public static partial class Report
{
    public const string PacksHeading = "## Attendee packs (PDF)";

    public static void WritePacks(StringBuilder s, PackResult r)
    {
        var growth = (r.MemoryAfter1000 - r.MemoryAfter100) / r.MemoryAfter100;
        var heapGrowth = (r.HeapAfter1000 - r.HeapAfter100) / r.HeapAfter100;
        s.AppendLine(PacksHeading);
        s.AppendLine();
        s.AppendLine($"Measured on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({r.Cores} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}), in process, " +
                     $"building packs exactly as the pack job does (`AttendeePackDocument.Build`). The pack is the issue's: {r.Items} agenda items over three days " +
                     $"in two tracks with plenaries, {r.Participants} listed participants, practical information in Markdown, names in Latin with accents, Greek " +
                     $"and Cyrillic; it comes out at {r.Pages} pages (cover with practical information, the attendee's track, the programme grid, participants), " +
                     "so a little more than the 4 pages the issue counts on. The baseline is bare SkiaSharp writing the same words at the same places on the " +
                     "same pages, with a font cut down once for all documents: no layout, no shaping, no per-document subsetting. " +
                     "The rates are the median of three rounds in which the packs and the baseline take turns.");
        s.AppendLine();
        s.AppendLine("| measure | figure | target | met |");
        s.AppendLine("|---|---|---|---|");
        s.AppendLine($"| packs per second, one core | {r.OneCorePerSecond:0.0} | at least 50 | {Yes(r.OneCorePerSecond >= 50)} |");
        s.AppendLine($"| packs per second per core, all {r.Cores} cores busy | {r.AllCoresPerSecond:0.0} | at least 50 | {Yes(r.AllCoresPerSecond >= 50)} |");
        s.AppendLine($"| bare SkiaSharp, same words, one core (baseline) | {r.BarePerSecond:0.0} | | |");
        s.AppendLine($"| packs against the baseline, one core | {r.OneCorePerSecond / r.BarePerSecond:P0} | | |");
        s.AppendLine($"| a workshop's {r.WorkshopPacks} packs on {r.Cores} cores, into the file store | {r.WorkshopSeconds:0.0} s | under 10 s | {Yes(r.WorkshopSeconds < 10)} |");
        s.AppendLine($"| process memory after 100 packs, after 1,000 | {r.MemoryAfter100:0} MB, {r.MemoryAfter1000:0} MB ({growth:+0.0%;-0.0%}) | within 10% | {Yes(Math.Abs(growth) <= 0.10)} |");
        s.AppendLine($"| managed heap after 100 packs, after 1,000 | {r.HeapAfter100:0.0} MB, {r.HeapAfter1000:0.0} MB ({heapGrowth:+0.0%;-0.0%}) | | |");
        s.AppendLine($"| size of a pack, mean and largest of 1,000 | {r.MeanKilobytes:0} KB, {r.MaxKilobytes:0} KB | under 150 KB | {Yes(r.MaxKilobytes < 150)} |");
        s.AppendLine($"| one word, fonts cut down per document | {r.OneWordKilobytes:0.0} KB | | |");
        s.AppendLine($"| one word, Noto Sans Regular embedded whole | {r.WholeFontKilobytes:0} KB | | |");
        s.AppendLine($"| one word, one fixed Latin, Greek and Cyrillic cut of Noto Sans Regular | {r.StaticCutKilobytes:0} KB | | |");
        s.AppendLine();
        s.AppendLine("The managed heap holds the shaping cache, which keeps each new piece of text (every attendee's name on their cover and " +
                     "running header) up to 20,000 pieces and then starts over; the process's memory is what the target is about.");
        s.AppendLine();
        s.AppendLine("Why the fonts are cut down: SkiaSharp as packaged embeds every font file whole. The packs use Noto Sans (regular, bold, italic: " +
                     "Latin with accents, Greek and Cyrillic in one family, about 500 KB a face), so a pack in three faces would carry three times the whole-font figure above. A compact " +
                     $"family would not cover Greek and Cyrillic, and one fixed Latin, Greek and Cyrillic cut of Noto (measured above) would put " +
                     $"{3 * r.StaticCutKilobytes:0} KB of fonts in every pack for three faces, over the 150 KB budget on its own. Instead every " +
                     "document is drawn with its faces cut down to the glyphs it uses, by HarfBuzz's subsetter (in the HarfBuzzSharp native library the " +
                     "project already ships), keeping glyph ids and the character map so text stays selectable and searchable.");
        s.AppendLine();
    }
}
