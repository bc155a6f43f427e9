// What every feature shares (Features/Shared) is in scope everywhere, as the views have it through _ViewImports.
global using Workshops.Web.Features.Shared;
// The one formatter for dates, times and zones (Formats) lives in Core, because emails and PDFs use it too.
global using Workshops.Core.Time;
// Tr translates a text into the reader's language (views use the IStringLocalizer L, which reads the same texts).
global using Workshops.Core.Localization;
global using Microsoft.AspNetCore.Http.HttpResults;
