package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// report is everything one benchmark run found.
type report struct {
	env         environment
	parallelism int
	reps        int
	latency     time.Duration // of the second table; 0 when not measured
	results     []result      // in run order
	skipped     []string      // rows not measured, with the reason
	schema      []*schemaSubject
	schemaReps  int
}

// write renders the report as Markdown.
func (rep report) write(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("# Benchmarks\n\n")
	p("Figures of the latest `make bench` (see the Benchmark section of the README for what the columns mean). ")
	p("Each operation ran %d time(s) on the provider, on `terraform_data` and, without added latency, on the empty plugin, "+
		"interleaved; times are medians.\n\n", rep.reps)
	rep.env.write(w)
	p("- Terraform parallelism: %d\n\n", rep.parallelism)

	if len(rep.schema) > 0 {
		writeSchemaLoad(w, rep.schema, rep.schemaReps)
	}
	if len(rep.results) == 0 {
		return
	}
	p("\n## No added latency\n\n")
	rep.writeTable(w, 0)
	if rep.latency > 0 {
		p("\n## %s of latency per request\n\n", formatLatency(rep.latency))
		rep.writeTable(w, rep.latency)
	}
	rep.writePlanScaling(w)
	rep.writeTargets(w)
	rep.writeMinimums(w)
	rep.writeEndpoints(w)
	if len(rep.skipped) > 0 {
		p("\n## Not measured\n\n")
		for _, s := range rep.skipped {
			p("- %s\n", s)
		}
	}
}

func (rep report) writeTable(w io.Writer, latency time.Duration) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	if latency == 0 {
		p("| Resources | N | Operation | p0 s | Floor s | Ratio | Empty plugin s | Empty plugin ratio | p0 CPU s | Provider CPU s | Floor CPU s | CPU ratio | Terraform CPU ratio | Calls per unit | Minimum |\n")
		p("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	} else {
		p("| Resources | N | Operation | p0 s | Floor s | Ratio | Calls per unit | Minimum | API-bound s |\n")
		p("|---|--:|---|--:|--:|--:|--:|--:|--:|\n")
	}
	for _, r := range rep.results {
		if r.latency != latency {
			continue
		}
		head := fmt.Sprintf("| %s | %d | %s | %s | %s | %s", r.row.kind.title, r.row.n, r.op,
			seconds(r.p0Wall()), seconds(r.floorWall()), fixed(r.wallRatio()))
		calls := fmt.Sprintf("%s | %s", callsCell(r), fixed(r.minimum()))
		if latency == 0 {
			p("%s | %s | %s | %s | %s | %s | %s | %s | %s |\n", head, seconds(r.pluginWall()), fixed(r.pluginRatio()),
				seconds(r.p0CPU()), seconds(r.providerCPU()), seconds(r.floorCPU()), fixed(r.cpuRatio()), fixed(r.terraformRatio()), calls)
		} else {
			p("%s | %s | %s |\n", head, calls, seconds(r.apiBound(rep.parallelism)))
		}
	}
}

// callsCell marks a count above the minimum.
func callsCell(r result) string {
	if r.atMinimum() {
		return fixed(r.callsPerUnit())
	}
	return "**" + fixed(r.callsPerUnit()) + "**"
}

// planScaling is the no-change plan of routing rules at each N, with no
// added latency.
func (rep report) planScaling() []result {
	var out []result
	for _, r := range rep.results {
		if r.row.kind.name == "rules" && r.op == opPlan && r.latency == 0 {
			out = append(out, r)
		}
	}
	return out
}

func (rep report) writePlanScaling(w io.Writer) {
	points := rep.planScaling()
	if len(points) < 2 {
		return
	}
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	xs, ys := make([]float64, len(points)), make([]float64, len(points))
	for i, r := range points {
		xs[i], ys[i] = float64(r.row.n), r.p0Wall().Seconds()
	}
	a, b, r2 := linearFit(xs, ys)
	p("\n## No-change plan of routing rules against N\n\n")
	p("Least-squares line: %.2f s + %.2f ms × N (R² = %.3f).\n\n", a, b*1000, r2)
	p("| N | p0 s | Line s | p0 ms per rule | Floor ms per resource |\n|--:|--:|--:|--:|--:|\n")
	for i, r := range points {
		p("| %d | %s | %.2f | %.2f | %.2f |\n", r.row.n, seconds(r.p0Wall()), a+b*xs[i],
			r.p0Wall().Seconds()*1000/xs[i], r.floorWall().Seconds()*1000/xs[i])
	}
}

// targets are the goals the benchmark holds the provider to.
func (rep report) writeTargets(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("\n## Targets\n\n")
	largest := 0
	for _, r := range rep.results {
		if r.row.kind.name == "rules" {
			largest = max(largest, r.row.n)
		}
	}
	for _, r := range rep.results {
		if r.row.kind.name == "rules" && r.row.n == largest && r.latency == 0 {
			// No plugin can reach terraform_data (the empty plugin, which
			// does nothing, is the floor a plugin can reach): the target
			// is the ratio to the empty plugin, with terraform_data's kept.
			p("- %d routing rules, %s: %s the empty plugin's time (%s terraform_data's)", largest, r.op,
				timesOr(r.overPluginRatio()), timesOr(r.wallRatio()))
			if tr := r.terraformRatio(); !math.IsNaN(tr) {
				p("; Terraform's own CPU time, without the provider's, was %s× the floor's", fixed(tr))
			}
			p("\n")
		}
	}
	if rep.latency > 0 {
		// The target is the largest rules row's: a plan that refreshes many
		// objects must not pay the latency once per object. The other rows
		// are shown for what they are: a row with few objects pays one
		// round trip in a short plan, and staged AWS items are each read
		// for the metadata only their own answer carries.
		var target, others []string
		met := true
		for _, r := range rep.results {
			if r.op != opPlan || r.latency != 0 {
				continue
			}
			for _, slow := range rep.results {
				if slow.op != opPlan || slow.latency != rep.latency || slow.row.String() != r.row.String() {
					continue
				}
				slowdown := ratio(slow.p0Wall(), r.p0Wall())
				if r.row.kind.name == "rules" && r.row.n == largest {
					met = slowdown <= 1.2
					target = append(target, fixed(slowdown))
				} else {
					others = append(others, fmt.Sprintf("%s %s", r.row, fixed(slowdown)))
				}
			}
		}
		if len(target) > 0 {
			p("- No-change plan of %d routing rules with %s of latency within 1.2× of the plan without: %s (%s×",
				largest, formatLatency(rep.latency), metOrNot(met), target[0])
			if len(others) > 0 {
				p("; other rows: %s", strings.Join(others, ", "))
			}
			p(")\n")
		}
	}
	above := []string{}
	for _, r := range rep.results {
		if !r.atMinimum() {
			above = append(above, fmt.Sprintf("%s %s at %s: %s per unit, minimum %s", r.row, r.op,
				formatLatency(r.latency), fixed(r.callsPerUnit()), fixed(r.minimum())))
		}
	}
	p("- Calls per operation at the minimum: %s", metOrNot(len(above) == 0))
	if len(above) > 0 {
		p(" (%s)", strings.Join(above, "; "))
	}
	p("\n")
	if points := rep.planScaling(); len(points) >= 3 {
		xs, ys := make([]float64, len(points)), make([]float64, len(points))
		for i, r := range points {
			xs[i], ys[i] = float64(r.row.n), r.p0Wall().Seconds()
		}
		_, _, r2 := linearFit(xs, ys)
		p("- No-change plan linear in N: %s (R² = %.3f over N = %s)\n", metOrNot(r2 >= 0.98), r2, joinN(points))
	}
}

func (rep report) writeMinimums(w io.Writer) {
	fmt.Fprintf(w, "\n## Minimum calls\n\nPer unit, as the P0 API allows them (a refresh is part of plan and destroy). "+
		"The provider checks the credentials once in every provider process Terraform configures: "+
		"one for plan, two for apply (its plan and its apply), three for destroy (a refreshing plan, "+
		"the destroy plan and its apply):\n\n")
	seen := map[string]bool{}
	for _, r := range rep.results {
		if !seen[r.row.kind.name] {
			seen[r.row.kind.name] = true
			fmt.Fprintf(w, "- %s\n", r.row.kind.note)
		}
	}
}

func (rep report) writeEndpoints(w io.Writer) {
	fmt.Fprintf(w, "\n## Calls by endpoint\n\nLast repetition, no added latency, with the CPU time the mock spent answering.\n\n")
	for _, r := range rep.results {
		if r.latency != 0 || len(r.p0) == 0 {
			continue
		}
		c := r.lastCalls()
		fmt.Fprintf(w, "- %s %s: %d calls: %s", r.row, r.op, c.total, c.describe())
		if len(c.failures) > 0 {
			fmt.Fprintf(w, "; answered with an error: %s", calls{byEndpoint: c.failures}.describe())
		}
		fmt.Fprintf(w, "; mock CPU %s s\n", seconds(r.p0[len(r.p0)-1].mockCPU))
	}
}

func joinN(results []result) string {
	parts := make([]string, len(results))
	for i, r := range results {
		parts[i] = fmt.Sprint(r.row.n)
	}
	return strings.Join(parts, ", ")
}

// timesOr is a ratio as "1.23×", or a dash where it was not measured.
func timesOr(ratio float64) string {
	if math.IsNaN(ratio) {
		return "–"
	}
	return fixed(ratio) + "×"
}

func metOrNot(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

// seconds shows d, or a dash for a negative d (not measured).
func seconds(d time.Duration) string {
	if d < 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", d.Seconds())
}

func fixed(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.2f", x)
}

func formatLatency(d time.Duration) string {
	if d == 0 {
		return "no latency"
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}
