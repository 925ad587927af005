package acctest

import (
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
)

// WithEcho adds the echo provider, which copies an ephemeral value into a
// managed resource so that tests can look at it.
func WithEcho(e *TestEnv) map[string]func() (tfprotov6.ProviderServer, error) {
	factories := e.Factories()
	factories["echo"] = echoprovider.NewProviderServer()
	return factories
}
