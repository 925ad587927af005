package p0

import "context"

// secretsKey is the context key of the secrets a request carries beside
// the API token.
type secretsKey struct{}

// WithSecrets is ctx carrying the secrets that requests made with it send
// (a Kubernetes token, a database password): errors that quote P0's answer
// show none of them, should P0 or a proxy echo them.
func WithSecrets(ctx context.Context, secrets ...string) context.Context {
	var kept []string
	for _, s := range secrets {
		if s != "" {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return ctx
	}
	prior, _ := ctx.Value(secretsKey{}).([]string)
	return context.WithValue(ctx, secretsKey{}, append(append([]string{}, prior...), kept...))
}

// secrets are the API token and the secrets ctx carries.
func (c *Client) secrets(ctx context.Context) []string {
	carried, _ := ctx.Value(secretsKey{}).([]string)
	return append([]string{c.token}, carried...)
}
