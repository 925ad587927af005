package main

import (
	"math"
	"slices"
	"time"
)

// result is one operation on one row at one latency, over every repetition.
type result struct {
	row     row
	op      operation
	latency time.Duration
	p0      []measurement // the provider's runs
	floor   []measurement // the terraform_data runs
	plugin  []measurement // the empty plugin's runs; none with added latency
	calls   []calls       // what the API saw in each of the provider's runs
}

func (r result) p0Wall() time.Duration {
	return median(r.p0, func(x measurement) time.Duration { return x.wall })
}
func (r result) floorWall() time.Duration {
	return median(r.floor, func(x measurement) time.Duration { return x.wall })
}

func (r result) p0CPU() time.Duration {
	return median(r.p0, func(x measurement) time.Duration { return x.cpu })
}
func (r result) floorCPU() time.Duration {
	return median(r.floor, func(x measurement) time.Duration { return x.cpu })
}

// pluginWall is -1 when the empty plugin was not measured.
func (r result) pluginWall() time.Duration {
	if len(r.plugin) == 0 {
		return -1
	}
	return median(r.plugin, func(x measurement) time.Duration { return x.wall })
}

// providerCPU is the median CPU time of the provider processes alone, and
// terraformCPU that of terraform without them; both are -1 when the
// provider did not report its CPU time.
func (r result) providerCPU() time.Duration {
	return median(r.p0, func(x measurement) time.Duration { return x.providerCPU })
}
func (r result) terraformCPU() time.Duration {
	if r.providerCPU() < 0 {
		return -1
	}
	return median(r.p0, func(x measurement) time.Duration { return x.cpu - x.providerCPU })
}

// wallRatio and cpuRatio compare the provider with the floor;
// terraformRatio compares Terraform's own CPU time, without the provider
// processes, with the floor's: what the plugin protocol and the resources'
// schemas cost Terraform itself, which the provider's code cannot lower.
func (r result) wallRatio() float64      { return ratio(r.p0Wall(), r.floorWall()) }
func (r result) cpuRatio() float64       { return ratio(r.p0CPU(), r.floorCPU()) }
func (r result) terraformRatio() float64 { return ratio(r.terraformCPU(), r.floorCPU()) }

// pluginRatio compares the empty plugin with the floor: the least ratio a
// plugin provider can have.
func (r result) pluginRatio() float64 { return ratio(r.pluginWall(), r.floorWall()) }

// overPluginRatio compares the provider with the empty plugin: what the
// provider costs beyond what any plugin provider costs.
func (r result) overPluginRatio() float64 { return ratio(r.p0Wall(), r.pluginWall()) }

// callsPerUnit is the most calls any repetition made, per unit.
func (r result) callsPerUnit() float64 {
	most := 0
	for _, c := range r.calls {
		most = max(most, c.total)
	}
	return float64(most) / float64(r.row.n)
}

// lastCalls is the last repetition's calls.
func (r result) lastCalls() calls {
	if len(r.calls) == 0 {
		return calls{}
	}
	return r.calls[len(r.calls)-1]
}

// minimum is the fewest calls per unit the API allows for this operation.
func (r result) minimum() float64 {
	return r.row.kind.minimums[r.op].callsPerUnit(r.row.n)
}

// atMinimum reports whether the provider made no more calls than needed.
// The comparison allows for float rounding only.
func (r result) atMinimum() bool {
	return r.callsPerUnit() <= r.minimum()+1e-9
}

// apiBound is the time the calls take at the mock's latency when
// Terraform runs parallelism operations at once and each makes its calls
// one after the other: the least an operation can take with that latency.
func (r result) apiBound(parallelism int) time.Duration {
	most := 0
	for _, c := range r.calls {
		most = max(most, c.total)
	}
	return time.Duration(float64(most) * float64(r.latency) / float64(parallelism))
}

func ratio(a, b time.Duration) float64 {
	if a < 0 || b <= 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// median of the values get picks from runs; the mean of the middle two for
// an even count.
func median(runs []measurement, get func(measurement) time.Duration) time.Duration {
	if len(runs) == 0 {
		return 0
	}
	values := make([]time.Duration, len(runs))
	for i, x := range runs {
		values[i] = get(x)
	}
	slices.Sort(values)
	mid := len(values) / 2
	if len(values)%2 == 1 {
		return values[mid]
	}
	return (values[mid-1] + values[mid]) / 2
}

// linearFit fits y = a + b·x by least squares and returns a, b and R².
func linearFit(xs, ys []float64) (a, b, r2 float64) {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
		sxx += xs[i] * xs[i]
		sxy += xs[i] * ys[i]
	}
	denominator := n*sxx - sx*sx
	if denominator == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	b = (n*sxy - sx*sy) / denominator
	a = (sy - b*sx) / n
	mean := sy / n
	var total, residual float64
	for i := range xs {
		total += (ys[i] - mean) * (ys[i] - mean)
		fitted := a + b*xs[i]
		residual += (ys[i] - fitted) * (ys[i] - fitted)
	}
	if total == 0 {
		return a, b, 1
	}
	return a, b, 1 - residual/total
}
