using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Mm2Dr.Base
{
    /// <summary>
    /// Lets duration parameters take what an operator types: 30 (seconds), '30s', '5m', '1h', '250ms', or a
    /// TimeSpan / '00:01:30'. PowerShell's own cast would read 30 as ticks and '30' as days.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex WithUnit = new Regex(@"^\s*(?<n>\d+(\.\d+)?)\s*(?<u>ms|s|m|h|d)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null!;
                case TimeSpan ts:
                    return ts;
                case int i:
                    return TimeSpan.FromSeconds(i);
                case long l:
                    return TimeSpan.FromSeconds(l);
                case double d:
                    return TimeSpan.FromSeconds(d);
                case decimal m:
                    return TimeSpan.FromSeconds((double)m);
                case string s:
                    return Parse(s);
                default:
                    throw new ArgumentTransformationMetadataException($"'{value}' is not a duration. Expected seconds (30), a unit ('30s', '5m', '1h', '250ms') or hh:mm:ss.");
            }
        }

        public static TimeSpan Parse(string text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            var m = WithUnit.Match(text);
            if (m.Success)
            {
                var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                switch (m.Groups["u"].Value.ToLowerInvariant())
                {
                    case "ms": return TimeSpan.FromMilliseconds(n);
                    case "s": return TimeSpan.FromSeconds(n);
                    case "m": return TimeSpan.FromMinutes(n);
                    case "h": return TimeSpan.FromHours(n);
                    default: return TimeSpan.FromDays(n);
                }
            }

            if (text.Contains(":") && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var ts))
            {
                return ts;
            }

            throw new ArgumentTransformationMetadataException($"'{text}' is not a duration. Expected seconds (30), a unit ('30s', '5m', '1h', '250ms') or hh:mm:ss.");
        }
    }
}
