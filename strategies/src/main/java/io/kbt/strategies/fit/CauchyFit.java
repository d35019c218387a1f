package io.kbt.strategies.fit;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.fitting.leastsquares.GaussNewtonOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem.Evaluation;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.util.Pair;

/**
 * Maximum-likelihood Cauchy(x0, γ) fit of returns. It starts from the naive robust estimate (median, half the
 * interquartile range), climbs the log-likelihood with a conjugate-gradient optimiser on the analytic score,
 * then solves score = 0 with Gauss–Newton (Newton's method, the Jacobian being the Hessian): the likelihood is
 * so flat at the top that stopping on its value alone leaves x0 off in the fourth digit. Coordinates are
 * scaled by the start (x0 = m + s·u, γ = s·e^v) so both directions are of order one.
 */
public final class CauchyFit {
    private CauchyFit() {}

    /** The fitted Cauchy parameters with their log-likelihood and goodness of fit. */
    public static DistributionFit fit(double[] returns) {
        Samples.require(returns);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(returns);
        double median = percentile.evaluate(50);
        double halfIqr = (percentile.evaluate(75) - percentile.evaluate(25)) / 2;
        if (!(halfIqr > 0)) {
            throw new IllegalArgumentException("returns have no spread (interquartile range 0): cannot fit a Cauchy scale");
        }
        Likelihood likelihood = new Likelihood(returns, median, halfIqr);
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-15, 1e-300));
        PointValuePair best = optimizer.optimize(
                new MaxEval(100_000),
                new MaxIter(10_000),
                new ObjectiveFunction(likelihood),
                new ObjectiveFunctionGradient(likelihood.gradient()),
                GoalType.MAXIMIZE,
                new InitialGuess(new double[] {0, 0}));
        double[] top = solveScore(likelihood, best.getPoint());
        double x0 = likelihood.x0(top);
        double gamma = likelihood.gamma(top);
        double logLik = logLikelihood(returns, x0, gamma);
        return DistributionFit.of("cauchy", x0, gamma, logLik, returns, new CauchyDistribution(null, x0, gamma));
    }

    private static double[] solveScore(Likelihood likelihood, double[] start) {
        ConvergenceChecker<Evaluation> settled = (iteration, previous, current) -> {
            RealVector step = current.getPoint().subtract(previous.getPoint());
            return step.getLInfNorm() <= 1e-13 * Math.max(1, current.getPoint().getLInfNorm());
        };
        Optimum optimum = new GaussNewtonOptimizer().optimize(new LeastSquaresBuilder()
                .model(likelihood.score())
                .target(new double[] {0, 0})
                .start(start)
                .checker(settled)
                .maxEvaluations(1_000)
                .maxIterations(200)
                .build());
        return optimum.getPoint().toArray();
    }

    /** Σ log f(r) for Cauchy(x0, γ). */
    public static double logLikelihood(double[] returns, double x0, double gamma) {
        double sum = 0;
        for (double r : returns) {
            double z = (r - x0) / gamma;
            sum += Math.log1p(z * z);
        }
        return -returns.length * (Math.log(Math.PI) + Math.log(gamma)) - sum;
    }

    /** The mean log-likelihood in the scaled coordinates, with its gradient. */
    private record Likelihood(double[] returns, double median, double scale) implements MultivariateFunction {
        double x0(double[] point) {
            return median + scale * point[0];
        }

        double gamma(double[] point) {
            return scale * Math.exp(point[1]);
        }

        @Override
        public double value(double[] point) {
            return logLikelihood(returns, x0(point), gamma(point)) / returns.length;
        }

        MultivariateVectorFunction gradient() {
            return point -> {
                double x0 = x0(point);
                double gamma = gamma(point);
                double dx0 = 0;
                double dLogGamma = 0;
                for (double r : returns) {
                    double z = (r - x0) / gamma;
                    double w = 2 / (1 + z * z);
                    dx0 += w * z;
                    dLogGamma += w * z * z;
                }
                int n = returns.length;
                // ∂L/∂x0 = Σ 2z/(γ(1+z²)), ∂L/∂ln γ = −n + Σ 2z²/(1+z²); chain rule into (u, v).
                return new double[] {scale / gamma * dx0 / n, (dLogGamma - n) / n};
            };
        }

        /** The scaled mean score and its Jacobian (the Hessian of the mean log-likelihood). */
        MultivariateJacobianFunction score() {
            return point -> {
                double[] p = point.toArray();
                double x0 = x0(p);
                double gamma = gamma(p);
                double g1 = 0;
                double g2 = 0;
                double h11 = 0;
                double h12 = 0;
                double h22 = 0;
                for (double r : returns) {
                    double z = (r - x0) / gamma;
                    double q = 1 + z * z;
                    g1 += 2 * z / q;
                    g2 += 2 * z * z / q - 1;
                    h11 += 2 * (1 - z * z) / (q * q);
                    h12 += 4 * z / (q * q);
                    h22 += 4 * z * z / (q * q);
                }
                int n = returns.length;
                double k = scale / gamma;
                // g1·k = s·∂L/∂x0, g2 = ∂L/∂ln γ; ∂z/∂x0 = −1/γ and ∂z/∂ln γ = −z give the Hessian below.
                RealVector value = new ArrayRealVector(new double[] {k * g1 / n, g2 / n});
                Array2DRowRealMatrix jacobian = new Array2DRowRealMatrix(new double[][] {
                    {-k * k * h11 / n, -k * h12 / n},
                    {-k * h12 / n, -h22 / n}
                });
                return new Pair<>(value, jacobian);
            };
        }
    }
}
