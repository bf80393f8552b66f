using System;
using System.Globalization;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>Durations as an operator reads them: "850 ms", "12.4 s", "3 min 30 s", "2 h 5 min".</summary>
    public static class Durations
    {
        public static string Format(TimeSpan t)
        {
            var sign = t < TimeSpan.Zero ? "-" : string.Empty;
            t = t.Duration();
            if (t < TimeSpan.FromSeconds(1))
            {
                return sign + ((int)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
            }

            if (t < TimeSpan.FromMinutes(1))
            {
                return sign + t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
            }

            if (t < TimeSpan.FromHours(1))
            {
                return sign + $"{(int)t.TotalMinutes} min {t.Seconds} s";
            }

            return sign + $"{(int)t.TotalHours} h {t.Minutes} min";
        }
    }
}
