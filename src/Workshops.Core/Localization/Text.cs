namespace Workshops.Core.Localization;

/// <summary>
/// The site's texts, one set for every page, email and PDF: Text.resx beside this file holds the English source
/// (its keys are the English texts themselves), and Text.{language}.resx one translation each. A translation
/// platform reads and writes these files; <c>tools/texts.py</c> lists what each language misses.
/// </summary>
public sealed class Text;
