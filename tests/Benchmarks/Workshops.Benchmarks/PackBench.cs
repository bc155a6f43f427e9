using System.Diagnostics;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Pdf;
using Workshops.Core.Storage;
using Workshops.Tests.Shared;

namespace Workshops.Benchmarks;

public sealed record PackResult(
    int Pages, int Items, int Participants,
    double OneCorePerSecond, double AllCoresPerSecond, int Cores,
    double BarePerSecond,
    double WorkshopSeconds, int WorkshopPacks,
    double MemoryAfter100, double MemoryAfter1000, double HeapAfter100, double HeapAfter1000,
    double MeanKilobytes, double MaxKilobytes, double OneWordKilobytes, double WholeFontKilobytes, double StaticCutKilobytes);

/// <summary>
/// Attendee packs built in process, as the pack job builds them: the pack (60 agenda items, 50 participants),
/// one core and then all cores; a workshop's 500 packs written to a file store; memory over 1,000 packs; sizes. The
/// baseline is bare SkiaSharp writing the same words at the same places on the same pages with fonts cut down once,
/// so the ratio is what our layout, shaping and per-document font subsetting cost on top of the PDF engine itself.
/// </summary>
public static class PackBench
{
    public static PackResult Run()
    {
        var content = PackSamples.Content();
        PackAttendee Attendee(int i) => PackSamples.Attendee(content, $"{PackSamples.Names[i % PackSamples.Names.Length]} {i:D4}");
        var sample = AttendeePackDocument.Build(content, Attendee(0));
        using var sampleDoc = PdfDocument.Open(sample);
        var pages = sampleDoc.NumberOfPages;

        var bare = new BareSkia(sample);
        for (var i = 0; i < 50; i++)
        {
            AttendeePackDocument.Build(content, Attendee(i));
            bare.Write();
        }
        // Three rounds, the packs and the baseline taking turns, and the median of each: this machine's speed drifts by a
        // fifth from minute to minute, and turns keep both sides in the same weather.
        var cores = Environment.ProcessorCount;
        var (oneCoreRuns, allCoreRuns, bareRuns) = (new List<double>(), new List<double>(), new List<double>());
        for (var round = 0; round < 3; round++)
        {
            oneCoreRuns.Add(Rate(300, i => AttendeePackDocument.Build(content, Attendee(i)), parallel: false));
            bareRuns.Add(Rate(300, _ => bare.Write(), parallel: false));
            allCoreRuns.Add(Rate(600, i => AttendeePackDocument.Build(content, Attendee(i)), parallel: true));
        }
        var (oneCore, allCores, barePerSecond) = (Median(oneCoreRuns), Median(allCoreRuns), Median(bareRuns));

        // A workshop's packs as the job makes them: every core, each PDF into the content-addressed store.
        var dir = Directory.CreateTempSubdirectory("packs-bench-");
        double workshopSeconds;
        try
        {
            var store = new LocalFileStore(dir.FullName);
            var watch = Stopwatch.StartNew();
            Parallel.For(0, 500, new ParallelOptions { MaxDegreeOfParallelism = cores }, i =>
            {
                using var stream = new MemoryStream(AttendeePackDocument.Build(content, Attendee(i)));
                store.PutAsync(stream, long.MaxValue, default).GetAwaiter().GetResult();
            });
            workshopSeconds = watch.Elapsed.TotalSeconds;
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        // Memory: a fresh sequence of 1,000 packs, measured after the first 100 and at the end, each after a full collection.
        var sizes = new List<long>();
        double rss100 = 0, heap100 = 0;
        for (var i = 0; i < 1000; i++)
        {
            sizes.Add(AttendeePackDocument.Build(content, Attendee(10_000 + i)).Length);
            if (i == 99) (rss100, heap100) = Memory();
        }
        var (rss1000, heap1000) = Memory();

        var oneWord = new PdfDocumentBuilder("One word").Paragraph("Workshops").ToBytes().Length;
        return new PackResult(pages, content.Agenda.Items.Count, content.Participants.Count, oneCore, allCores / cores, cores, barePerSecond,
            workshopSeconds, 500, rss100, rss1000, heap100, heap1000, sizes.Average() / 1024, sizes.Max() / 1024.0, oneWord / 1024.0,
            BareSkia.OneWord(PdfFonts.Get(PdfWeight.Regular)) / 1024.0, BareSkia.OneWord(BareSkia.StaticCut()) / 1024.0);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Rate(int count, Action<int> build, bool parallel)
    {
        var watch = Stopwatch.StartNew();
        if (parallel) Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, build);
        else for (var i = 0; i < count; i++) build(i);
        return count / watch.Elapsed.TotalSeconds;
    }

    private static (double Rss, double Heap) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return (self.WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0);
    }

    /// <summary>SkiaSharp alone: the words PdfPig reads off a pack, drawn where they were, in fonts cut down once for all documents.</summary>
    private sealed class BareSkia
    {
        private readonly List<List<(string Text, float X, float Y, float Size)>> _pages = [];
        private readonly SKFont[] _fonts;
        private readonly float _width, _height;

        public BareSkia(byte[] pack)
        {
            using var pdf = PdfDocument.Open(pack);
            var codepoints = new HashSet<uint>();
            foreach (var page in pdf.GetPages())
            {
                _width = (float)page.Width;
                _height = (float)page.Height;
                var words = page.GetWords().Select(w => (w.Text, (float)w.BoundingBox.Left, (float)(page.Height - w.BoundingBox.Bottom),
                    (float)Math.Max(6, w.Letters[0].PointSize))).ToList();
                foreach (var w in words) foreach (var r in w.Text.EnumerateRunes()) codepoints.Add((uint)r.Value);
                _pages.Add(words);
            }
            _fonts = [.. new[] { PdfWeight.Regular }.Select(weight =>
            {
                using var stream = PdfFonts.Get(weight).OpenStream(out var index);
                using var blob = stream.ToHarfBuzzBlob();
                using var face = new Face(blob, index);
                var bytes = FontSubsetter.Subset(face, [], codepoints);
                return new SKFont(SKTypeface.FromData(SKData.CreateCopy(bytes)), 9);
            })];
        }

        public byte[] Write()
        {
            using var output = new MemoryStream();
            using (var wrapped = new SKManagedWStream(output))
            using (var document = SKDocument.CreatePdf(wrapped, new SKDocumentPdfMetadata { Title = "Bare" }))
            {
                using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
                foreach (var page in _pages)
                {
                    var canvas = document.BeginPage(_width, _height);
                    foreach (var (text, x, y, size) in page)
                    {
                        _fonts[0].Size = size;
                        canvas.DrawText(text, x, y, _fonts[0], paint);
                    }
                    document.EndPage();
                }
                document.Close();
            }
            return output.ToArray();
        }

        /// <summary>One word in the typeface, embedded whole as SkiaSharp does on its own.</summary>
        public static long OneWord(SKTypeface typeface)
        {
            using var output = new MemoryStream();
            using (var wrapped = new SKManagedWStream(output))
            using (var document = SKDocument.CreatePdf(wrapped))
            {
                var canvas = document.BeginPage(595, 842);
                using var font = new SKFont(typeface, 12);
                using var paint = new SKPaint { Color = SKColors.Black };
                canvas.DrawText("Workshops", 50, 50, font, paint);
                document.EndPage();
                document.Close();
            }
            return output.Length;
        }

        /// <summary>The alternative to cutting per document: one fixed cut of Noto Sans Regular with Latin, Greek, Cyrillic and punctuation.</summary>
        public static SKTypeface StaticCut()
        {
            var ranges = new[] { (0x20, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x1E00, 0x1FFF), (0x2000, 0x206F), (0x20A0, 0x20BF) };
            using var stream = PdfFonts.Get(PdfWeight.Regular).OpenStream(out var index);
            using var blob = stream.ToHarfBuzzBlob();
            using var face = new Face(blob, index);
            var bytes = FontSubsetter.Subset(face, [], ranges.SelectMany(r => Enumerable.Range(r.Item1, r.Item2 - r.Item1 + 1)).Select(c => (uint)c));
            return SKTypeface.FromData(SKData.CreateCopy(bytes));
        }
    }
}
